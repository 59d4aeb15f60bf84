//! The one switch between serial and parallel execution.
//!
//! Every parallel stage goes through [`Parallelism`], so the same code runs
//! either way, both can be benchmarked, and results are identical: work is
//! split by index and collected in input order.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Whether stages may use rayon's thread pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Parallelism {
    /// Run on the calling thread.
    Serial,
    /// Run on rayon's global pool (`RAYON_NUM_THREADS` sets its size).
    #[default]
    Parallel,
}

impl Parallelism {
    /// Maps `f` over `items`, keeping input order.
    pub fn map<T: Sync, R: Send>(self, items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
        match self {
            Parallelism::Serial => items.iter().map(f).collect(),
            Parallelism::Parallel => items.par_iter().map(f).collect(),
        }
    }

    /// Maps `f` over owned `items`, keeping input order.
    pub fn map_vec<T: Send, R: Send>(
        self,
        items: Vec<T>,
        f: impl Fn(T) -> R + Sync + Send,
    ) -> Vec<R> {
        match self {
            Parallelism::Serial => items.into_iter().map(f).collect(),
            Parallelism::Parallel => items.into_par_iter().map(f).collect(),
        }
    }

    /// Maps `f` over `0..n`, keeping order.
    pub fn map_range<R: Send>(self, n: usize, f: impl Fn(usize) -> R + Sync + Send) -> Vec<R> {
        match self {
            Parallelism::Serial => (0..n).map(f).collect(),
            Parallelism::Parallel => (0..n).into_par_iter().map(f).collect(),
        }
    }

    /// Calls `f(i, row)` for each row of a row-major buffer with rows of `width`.
    pub fn for_each_row<T: Send>(
        self,
        data: &mut [T],
        width: usize,
        f: impl Fn(usize, &mut [T]) + Sync + Send,
    ) {
        if width == 0 {
            return;
        }
        match self {
            Parallelism::Serial => data.chunks_mut(width).enumerate().for_each(|(i, r)| f(i, r)),
            Parallelism::Parallel => {
                data.par_chunks_mut(width).enumerate().for_each(|(i, r)| f(i, r))
            }
        }
    }
}
