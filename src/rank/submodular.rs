use std::collections::BinaryHeap;

use super::{Candidate, Knapsack, RankInput, Ranker};
use crate::error::{Error, Result};
use crate::select::{Budget, MAX_ANTECEDENTS};
use crate::similarity::{Graph, Measure};
use crate::vectorize::TermMatrix;

/// Monotone submodular coverage and diversity (Lin & Bilmes, "A Class of
/// Submodular Functions for Document Summarization", ACL 2011).
///
/// The summary `S` maximises `F(S) = L(S) + λ R(S)` under the length budget:
///
/// * coverage `L(S) = Σ_i min(C_i(S), α C_i(V))`, where `C_i(S) = Σ_{j∈S} w_ij`
///   is how much of sentence `i` the summary covers, `w_ij` the cosine of their
///   TF-IDF vectors (`w_ii = 1`), `V` every sentence in scope and `α =`
///   [`saturation`](Self::saturation)` / N`: once a sentence is covered that
///   much, covering it more gains nothing;
/// * diversity `R(S) = Σ_k sqrt(Σ_{j∈P_k∩S} r_j)` over a partition `P_k` of
///   the sentences (spherical k-means on TF-IDF vectors,
///   [`clusters`](Self::clusters)` · N` clusters, evenly spaced seeds, at most
///   [`KMEANS_ROUNDS`](Self::KMEANS_ROUNDS) rounds), with the singleton reward
///   `r_j = C_j(V) / N`: a second sentence from a cluster gains less than the
///   first. With the position prior for news, a sentence at index `i` (from
///   0) of its article has reward `r_j · (1 + position / (1 + i))`.
///
/// The coverage term may carry a position prior too
/// ([`coverage_position`](Self::coverage_position)): covering sentence `i`
/// counts `p_i = 1 + coverage_position / (1 + index)` times,
/// `L(S) = Σ_i p_i · min(C_i(S), α C_i(V))`, so a summary that covers what
/// the articles lead with gains more. Positive weights keep `F` monotone
/// submodular, and the guarantee below holds.
///
/// [`choose`](Ranker::choose) runs the paper's cost-scaled greedy: the next
/// sentence maximises `gain / cost^r` (`r =` [`cost_exponent`](Self::cost_exponent),
/// cost in words under a word budget) among those that still fit; then the
/// best single sentence replaces the result when it scores higher, which
/// gives the `(1 − 1/√e)/2`-approximation guarantee of Lin & Bilmes 2010.
/// [`rank`](Ranker::rank) scores each sentence by `F({j})`, which selection
/// uses after the chosen sentences. Given the coherence rule's flags
/// ([`choose_coherent`](Ranker::choose_coherent)), a sentence that needs its
/// predecessor is chosen only together with it, the pair charged to the
/// budget at once, so that selection never has to skip it afterwards.
///
/// Above the dense limit the similarity graph is the pruned one, and `C_i`
/// sums only stored neighbours.
///
/// # Complexity
/// The graph as [`RankInput::similarity_graph`] builds it (O(n² ·
/// terms) dense); k-means O(rounds · non-zeros · k), with `k` capped so that
/// the centroids hold at most 2²⁴ numbers and one round costs at most
/// [`KMEANS_WORK`](Self::KMEANS_WORK); the lazy greedy O(n · degree · log n)
/// for the first pass and O(degree) per re-evaluation.
///
/// # Example
/// ```
/// use salient::parallel::Parallelism;
/// use salient::rank::{GraphOptions, Position, RankInput, Ranker, Submodular};
/// use salient::select::Budget;
/// use salient::vectorize::TermMatrix;
///
/// // Sentences 0 and 1 say nearly the same; 2 is about something else.
/// let sequences = vec![vec![0, 1, 2], vec![0, 1, 3], vec![4, 5]];
/// let m = TermMatrix::new(&sequences, 6);
/// let positions: Vec<Position> =
///     (0..3).map(|index| Position { article: 0, index, of: 3 }).collect();
/// let input = RankInput {
///     matrix: &m,
///     positions: &positions,
///     sequences: &sequences,
///     graph: &GraphOptions::default(),
///     parallelism: Parallelism::Serial,
///     graphs: None,
/// };
/// // Coverage alone (λ = 0); each sentence saturates once a third of its
/// // total similarity is covered, so the pair's second sentence adds little.
/// let method = Submodular {
///     saturation: 1.0,
///     lambda: 0.0,
///     position: 0.0,
///     min_words: 0,
///     ..Submodular::default()
/// };
/// let scores = method.rank(&input);
/// // Two sentences: one of the pair, and the one about something else.
/// let chosen = method.choose(&input, &scores, &[3, 3, 2], Budget::Sentences(2));
/// assert_eq!(chosen, Some(vec![0, 2]));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Submodular {
    /// `a` in the saturation threshold `α = a / N` (capped at 1).
    pub saturation: f64,
    /// Weight `λ` of diversity against coverage (the paper: 6; 10 here,
    /// chosen by cross-validation over the dev sets, docs/quality.md).
    pub lambda: f64,
    /// Number of clusters as a share of the sentences (the paper: 0.2).
    pub clusters: f64,
    /// Weight of the position prior on the singleton rewards (0: none, as
    /// in the paper; 8 by cross-validation, docs/quality.md).
    pub position: f64,
    /// Weight of the position prior on coverage (0: none, as in the paper;
    /// 4 by cross-validation, docs/quality.md). Parameters written before it
    /// existed read as the default.
    #[serde(default = "default_coverage_position")]
    pub coverage_position: f64,
    /// Sentences of fewer words are never chosen by the method (selection
    /// may still use them to fill the budget).
    pub min_words: u64,
    /// Exponent `r` of the cost in the greedy's `gain / cost^r` (the paper: 0.3).
    pub cost_exponent: f64,
}

/// The default [`Submodular::coverage_position`].
const COVERAGE_POSITION: f64 = 4.0;

fn default_coverage_position() -> f64 {
    COVERAGE_POSITION
}

impl Default for Submodular {
    fn default() -> Self {
        Submodular {
            saturation: 5.0,
            lambda: 10.0,
            clusters: 0.2,
            position: 8.0,
            coverage_position: COVERAGE_POSITION,
            min_words: 10,
            cost_exponent: 0.3,
        }
    }
}

impl Submodular {
    /// Most k-means rounds.
    pub const KMEANS_ROUNDS: usize = 10;
    /// Term-by-cluster products after which k-means stops.
    pub const KMEANS_WORK: usize = 20_000_000;
    /// Most centroid entries (clusters × terms) k-means keeps.
    pub const CENTROID_LIMIT: usize = 1 << 24;
}

impl Ranker for Submodular {
    fn rank(&self, input: &RankInput<'_>) -> Vec<f64> {
        // F({j}) needs no clusters: a singleton is alone in its cluster.
        let objective = Objective::new(self, input, false);
        (0..input.len()).map(|j| objective.singleton(j)).collect()
    }

    fn validate(&self) -> Result<()> {
        let check = |parameter: &str, ok: bool, reason: &str| {
            if ok {
                Ok(())
            } else {
                Err(Error::InvalidParameter {
                    method: "submodular",
                    parameter: parameter.to_owned(),
                    reason: reason.to_owned(),
                })
            }
        };
        check("saturation", self.saturation > 0.0, "must be positive")?;
        check("lambda", self.lambda >= 0.0, "must be at least 0")?;
        let weight = |w: f64| w.is_finite() && w >= 0.0;
        check("position", weight(self.position), "must be a finite number ≥ 0")?;
        check("coverage_position", weight(self.coverage_position), "must be a finite number ≥ 0")?;
        check("clusters", self.clusters > 0.0 && self.clusters <= 1.0, "must be in (0, 1]")?;
        check("cost_exponent", (0.0..=2.0).contains(&self.cost_exponent), "must be in [0, 2]")
    }

    fn chooses(&self) -> bool {
        true
    }

    fn choose(
        &self,
        input: &RankInput<'_>,
        scores: &[f64],
        words: &[usize],
        budget: Budget,
    ) -> Option<Vec<usize>> {
        self.choose_coherent(input, scores, words, budget, None)
    }

    fn choose_coherent(
        &self,
        input: &RankInput<'_>,
        scores: &[f64],
        words: &[usize],
        budget: Budget,
        needs: Option<&[bool]>,
    ) -> Option<Vec<usize>> {
        let n = input.len().min(words.len()).min(scores.len());
        let knapsack = Knapsack::new(&words[..n], budget, self.min_words as usize);
        let mut objective = Objective::new(self, input, true);
        let greedy = objective.greedy(&knapsack, self.cost_exponent, needs);
        let value = objective.value();
        // Each sentence's rank score is already its singleton value F({j});
        // one that needs its predecessor is no summary alone.
        let alone = |j: usize| needs.is_none_or(|needs| needs.get(j) != Some(&true));
        let best_single = (0..n)
            .filter(|&j| knapsack.cost[j] <= knapsack.capacity && alone(j))
            .map(|j| (scores[j], j))
            .fold(None, |best: Option<(f64, usize)>, (v, j)| match best {
                Some((bv, _)) if bv >= v => best,
                _ => Some((v, j)),
            });
        Some(match best_single {
            Some((v, j)) if v > value => vec![j],
            _ => greedy,
        })
    }
}

/// `F` with its state: the coverage of each sentence and the reward of each cluster.
struct Objective {
    graph: std::sync::Arc<Graph>,
    /// `w_ii`: 1 for sentences with terms.
    own: Vec<f64>,
    cap: Vec<f64>,
    /// `p_i`, the weight of covering sentence `i`.
    weight: Vec<f64>,
    reward: Vec<f64>,
    cluster: Vec<usize>,
    lambda: f64,
    covered: Vec<f64>,
    cluster_reward: Vec<f64>,
}

impl Objective {
    /// `F` for `input`; without `clusters`, every sentence in one (enough for [`Self::singleton`]).
    fn new(params: &Submodular, input: &RankInput<'_>, clusters: bool) -> Self {
        let n = input.len();
        let m = input.matrix;
        let graph = input.similarity_graph(Measure::Cosine);
        let own: Vec<f64> = (0..n).map(|i| if m.norm(i) > 0.0 { 1.0 } else { 0.0 }).collect();
        let total: Vec<f64> = (0..n)
            .map(|i| {
                let mut sum = own[i];
                graph.for_each_neighbor(i, |_, w| sum += w as f64);
                sum
            })
            .collect();
        let alpha = if n == 0 { 1.0 } else { (params.saturation / n as f64).min(1.0) };
        let cap = total.iter().map(|&c| alpha * c).collect();
        let weight = input
            .positions
            .iter()
            .map(|p| 1.0 + params.coverage_position / (1.0 + p.index as f64))
            .collect();
        let reward = total
            .iter()
            .zip(input.positions)
            .map(|(&c, p)| c / n.max(1) as f64 * (1.0 + params.position / (1.0 + p.index as f64)))
            .collect();
        let k = ((params.clusters * n as f64).round() as usize).clamp(1.min(n), n.max(1));
        let cluster = if clusters { kmeans(m, k, input) } else { vec![0; n] };
        let clusters = cluster.iter().copied().max().map_or(0, |c| c + 1);
        Objective {
            graph,
            own,
            cap,
            weight,
            reward,
            cluster,
            lambda: params.lambda,
            covered: vec![0.0; n],
            cluster_reward: vec![0.0; clusters],
        }
    }

    /// Calls `f(i, w_ij)` for `j` itself and each neighbour.
    fn for_each_covered(&self, j: usize, mut f: impl FnMut(usize, f64)) {
        if self.own[j] > 0.0 {
            f(j, self.own[j]);
        }
        self.graph.for_each_neighbor(j, |i, w| f(i, w as f64));
    }

    fn gain(&self, j: usize) -> f64 {
        let mut coverage = 0.0;
        self.for_each_covered(j, |i, w| {
            let (c, cap) = (self.covered[i], self.cap[i]);
            coverage += self.weight[i] * ((c + w).min(cap) - c.min(cap));
        });
        let r = self.cluster_reward[self.cluster[j]];
        coverage + self.lambda * ((r + self.reward[j]).sqrt() - r.sqrt())
    }

    /// The gain of adding every sentence of `unit` (distinct, none chosen);
    /// `scratch` holds zeros and is left so.
    fn gain_of(&self, unit: &[usize], scratch: &mut Scratch) -> f64 {
        if let [j] = unit {
            return self.gain(*j);
        }
        for &u in unit {
            self.for_each_covered(u, |i, w| {
                if !scratch.seen[i] {
                    scratch.seen[i] = true;
                    scratch.touched.push(i);
                }
                scratch.added[i] += w;
            });
        }
        let mut coverage = 0.0;
        for i in scratch.touched.drain(..) {
            let (c, cap) = (self.covered[i], self.cap[i]);
            coverage += self.weight[i] * ((c + scratch.added[i]).min(cap) - c.min(cap));
            scratch.added[i] = 0.0;
            scratch.seen[i] = false;
        }
        let mut diversity = 0.0;
        for (k, &u) in unit.iter().enumerate() {
            let cluster = self.cluster[u];
            // Each cluster once, with the rewards of all its members in the unit.
            if unit[..k].iter().any(|&v| self.cluster[v] == cluster) {
                continue;
            }
            let added: f64 =
                unit.iter().filter(|&&v| self.cluster[v] == cluster).map(|&v| self.reward[v]).sum();
            let r = self.cluster_reward[cluster];
            diversity += (r + added).sqrt() - r.sqrt();
        }
        coverage + self.lambda * diversity
    }

    fn singleton(&self, j: usize) -> f64 {
        let mut coverage = 0.0;
        self.for_each_covered(j, |i, w| coverage += self.weight[i] * w.min(self.cap[i]));
        coverage + self.lambda * self.reward[j].sqrt()
    }

    fn add(&mut self, j: usize) {
        let mut updates = Vec::new();
        self.for_each_covered(j, |i, w| updates.push((i, w)));
        for (i, w) in updates {
            self.covered[i] += w;
        }
        self.cluster_reward[self.cluster[j]] += self.reward[j];
    }

    fn value(&self) -> f64 {
        let coverage: f64 = (0..self.covered.len())
            .map(|i| self.weight[i] * self.covered[i].min(self.cap[i]))
            .sum();
        let diversity: f64 = self.cluster_reward.iter().map(|r| r.sqrt()).sum();
        coverage + self.lambda * diversity
    }

    /// The lazy cost-scaled greedy: sentences in the order added. With
    /// `needs` (see [`Ranker::choose_coherent`]), a sentence that needs its
    /// predecessor is a candidate together with the predecessors it needs
    /// that are not chosen yet (up to [`MAX_ANTECEDENTS`]): its value is
    /// their joint gain over the sum of each member's scaled cost (a joint
    /// `(Σ cost)^r` would favour pairs over single sentences), they must fit
    /// together, and they are added together, predecessors first.
    fn greedy(&mut self, knapsack: &Knapsack, exponent: f64, needs: Option<&[bool]>) -> Vec<usize> {
        let n = self.covered.len().min(knapsack.cost.len());
        let needs = |j: usize| needs.is_some_and(|needs| needs.get(j) == Some(&true));
        let mut is_chosen = vec![false; n];
        // `j` with the predecessors it needs that are not chosen, nearest
        // last, and their cost; `None` when it needs more than allowed.
        let unit = |j: usize, is_chosen: &[bool], out: &mut Vec<usize>| {
            out.clear();
            out.push(j);
            let mut cost = knapsack.cost[j];
            let mut scaled = cost.powf(exponent);
            let mut at = j;
            while needs(at) && at > 0 && !is_chosen[at - 1] {
                if out.len() > MAX_ANTECEDENTS {
                    return None;
                }
                at -= 1;
                out.push(at);
                cost += knapsack.length[at];
                scaled += knapsack.length[at].powf(exponent);
            }
            Some((cost, scaled))
        };
        let ratio = |gain: f64, scaled: f64| gain / scaled;
        let mut scratch = Scratch::new(n);
        let mut members = Vec::new();
        let mut heap = BinaryHeap::new();
        for j in 0..n {
            if let Some((cost, scaled)) = unit(j, &is_chosen, &mut members)
                && cost <= knapsack.capacity
            {
                let r = ratio(self.gain_of(&members, &mut scratch), scaled);
                if r > 0.0 {
                    heap.push(Candidate { ratio: r, index: j });
                }
            }
        }
        let mut chosen = Vec::new();
        let mut used = 0.0;
        while let Some(top) = heap.pop() {
            if is_chosen[top.index] {
                continue;
            }
            let Some((cost, scaled)) = unit(top.index, &is_chosen, &mut members) else {
                continue;
            };
            if used + cost > knapsack.capacity {
                continue;
            }
            let current = ratio(self.gain_of(&members, &mut scratch), scaled);
            if current <= 0.0 {
                continue;
            }
            if !current.total_cmp(&top.ratio).is_eq() {
                heap.push(Candidate { ratio: current, ..top });
                continue;
            }
            used += cost;
            for &j in members.iter().rev() {
                self.add(j);
                is_chosen[j] = true;
                chosen.push(j);
            }
            // A later sentence that needed one of these now needs fewer
            // predecessors: its cost fell, so its stored ratio may be below
            // its current one; enter it afresh.
            let mut next = top.index + 1;
            while next < n && needs(next) && !is_chosen[next] {
                if let Some((cost, scaled)) = unit(next, &is_chosen, &mut members)
                    && used + cost <= knapsack.capacity
                {
                    let r = ratio(self.gain_of(&members, &mut scratch), scaled);
                    if r > 0.0 {
                        heap.push(Candidate { ratio: r, index: next });
                    }
                }
                next += 1;
            }
        }
        chosen
    }
}

/// Zeroed buffers for [`Objective::gain_of`].
struct Scratch {
    added: Vec<f64>,
    seen: Vec<bool>,
    touched: Vec<usize>,
}

impl Scratch {
    fn new(n: usize) -> Self {
        Scratch { added: vec![0.0; n], seen: vec![false; n], touched: Vec::new() }
    }
}

/// Spherical k-means of the sentences' TF-IDF vectors into at most `k`
/// clusters, seeded with evenly spaced sentences; sentences without terms
/// join cluster 0.
fn kmeans(m: &TermMatrix, k: usize, input: &RankInput<'_>) -> Vec<usize> {
    let n = m.n_sentences();
    let t = m.n_terms().max(1);
    let with_terms: Vec<usize> = (0..n).filter(|&i| m.norm(i) > 0.0).collect();
    let nnz: usize = (0..n).map(|i| m.terms(i).len()).sum();
    // Memory and one round's work bound the number of clusters on large scopes.
    let k = k
        .min(with_terms.len())
        .min((Submodular::CENTROID_LIMIT / t).max(1))
        .min((Submodular::KMEANS_WORK / nnz.max(1)).max(1));
    if k <= 1 {
        return vec![0; n];
    }
    let mut centroids = vec![0f32; k * t];
    for c in 0..k {
        let i = with_terms[c * with_terms.len() / k];
        let norm = m.norm(i);
        for (&term, &w) in m.terms(i).iter().zip(m.weights(i)) {
            centroids[c * t + term as usize] = w / norm;
        }
    }
    let mut assignment = vec![0usize; n];
    let mut work = 0usize;
    for round in 0..Submodular::KMEANS_ROUNDS {
        if round > 0 && work + nnz * k > Submodular::KMEANS_WORK {
            break;
        }
        work += nnz * k;
        let next = input.parallelism.map_range(n, |i| {
            let mut best = (f32::NEG_INFINITY, 0usize);
            for c in 0..k {
                let row = &centroids[c * t..(c + 1) * t];
                let dot: f32 = m
                    .terms(i)
                    .iter()
                    .zip(m.weights(i))
                    .map(|(&term, &w)| w * row[term as usize])
                    .sum();
                if dot > best.0 {
                    best = (dot, c);
                }
            }
            best.1
        });
        let changed = next != assignment;
        assignment = next;
        if round > 0 && !changed {
            break;
        }
        // New centroids: the normalised sums of their members; an empty
        // cluster keeps its centroid.
        let mut sums = vec![0f32; k * t];
        let mut members = vec![0usize; k];
        for &i in &with_terms {
            let c = assignment[i];
            members[c] += 1;
            let norm = m.norm(i);
            for (&term, &w) in m.terms(i).iter().zip(m.weights(i)) {
                sums[c * t + term as usize] += w / norm;
            }
        }
        for c in 0..k {
            if members[c] == 0 {
                continue;
            }
            let row = &mut sums[c * t..(c + 1) * t];
            let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                row.iter_mut().for_each(|x| *x /= norm);
                centroids[c * t..(c + 1) * t].copy_from_slice(row);
            }
        }
    }
    for (i, a) in assignment.iter_mut().enumerate() {
        if m.norm(i) == 0.0 {
            *a = 0;
        }
    }
    assignment
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::TermId;
    use crate::parallel::Parallelism;
    use crate::rank::{GraphOptions, Position};

    /// Calls `f` with the rank input of one article of these sentences.
    fn one_article<R>(
        sequences: &[Vec<TermId>],
        n_terms: usize,
        f: impl FnOnce(&RankInput<'_>) -> R,
    ) -> R {
        let m = TermMatrix::new(sequences, n_terms);
        let n = sequences.len();
        let positions: Vec<Position> =
            (0..n).map(|index| Position { article: 0, index, of: n }).collect();
        let graph = GraphOptions::default();
        f(&RankInput {
            matrix: &m,
            positions: &positions,
            sequences,
            graph: &graph,
            parallelism: Parallelism::Serial,
            graphs: None,
        })
    }

    #[test]
    fn best_singleton_replaces_a_weaker_greedy_set() {
        // Sentence 0 is close to the long sentences 3 and 4 (which never fit);
        // 1 and 2 are one-word sentences about nothing else. By value per word
        // the greedy takes 1 and 2, after which 0 no longer fits; 0 alone is worth more.
        let sequences =
            vec![vec![0, 1, 2, 3], vec![9], vec![10], vec![0, 1, 2, 3, 20], vec![0, 1, 2, 3, 21]];
        one_article(&sequences, 22, |input| {
            let method = Submodular {
                lambda: 6.0,
                position: 0.0,
                min_words: 0,
                cost_exponent: 1.0,
                ..Submodular::default()
            };
            let words = [9, 1, 1, 50, 50];
            let knapsack = Knapsack::new(&words, Budget::Words(10), 0);
            let mut objective = Objective::new(&method, input, true);
            assert_eq!(objective.greedy(&knapsack, 1.0, None), [1, 2]);
            let greedy_value = objective.value();
            let single = Objective::new(&method, input, true).singleton(0);
            assert!(single > greedy_value, "{single} vs {greedy_value}");
            let scores = method.rank(input);
            assert_eq!(method.choose(input, &scores, &words, Budget::Words(10)), Some(vec![0]));
        });
    }

    #[test]
    fn a_sentence_that_needs_its_predecessor_is_chosen_with_it() {
        // Sentence 2 covers the lead (0) and more, the best choice alone; it
        // opens dangling, so it needs sentence 1.
        let sequences = vec![vec![0, 1], vec![2], vec![0, 1, 3], vec![4], vec![5]];
        let needs = [false, false, true, false, false];
        one_article(&sequences, 6, |input| {
            let method = Submodular {
                position: 0.0,
                coverage_position: 0.0,
                min_words: 0,
                ..Submodular::default()
            };
            let scores = method.rank(input);
            let words = [5; 5];
            let free = method.choose(input, &scores, &words, Budget::Sentences(2));
            let free = free.expect("chooses");
            assert!(free.contains(&2) && !free.contains(&1), "{free:?}");
            let choose = |n| {
                let got = method.choose_coherent(
                    input,
                    &scores,
                    &words,
                    Budget::Sentences(n),
                    Some(&needs),
                );
                got.expect("chooses")
            };
            let coherent = choose(3);
            let at = coherent.iter().position(|&j| j == 2).expect("2 chosen");
            assert!(at > 0 && coherent[at - 1] == 1, "{coherent:?}");
            // With room for one sentence, 2 cannot come with its predecessor.
            let one = choose(1);
            assert!(one.len() == 1 && one[0] != 2, "{one:?}");
        });
    }

    proptest::proptest! {
        /// Whatever the sentences, flags and budget, the coherent choice is
        /// within the budget, repeats no sentence and places each flagged
        /// sentence after the predecessor it needs, never without it.
        #[test]
        fn coherent_choices_bring_their_predecessors_within_budget(
            sentences in proptest::collection::vec(
                (proptest::collection::vec(0u32..12, 0..6), 1usize..20, proptest::bool::ANY),
                1..30,
            ),
            limit in 1usize..60,
            by_words in proptest::bool::ANY,
        ) {
            let sequences: Vec<Vec<TermId>> = sentences.iter().map(|(t, _, _)| t.clone()).collect();
            let words: Vec<usize> = sentences.iter().map(|(_, w, _)| *w).collect();
            let needs: Vec<bool> =
                sentences.iter().enumerate().map(|(i, (_, _, f))| i > 0 && *f).collect();
            let budget = if by_words { Budget::Words(limit) } else { Budget::Sentences(limit % 6 + 1) };
            let method = Submodular { min_words: 3, ..Submodular::default() };
            let chosen = one_article(&sequences, 12, |input| {
                let scores = method.rank(input);
                method.choose_coherent(input, &scores, &words, budget, Some(&needs))
            });
            let chosen = chosen.expect("submodular chooses");
            let mut seen = vec![false; sequences.len()];
            for &j in &chosen {
                proptest::prop_assert!(!seen[j], "{j} twice in {chosen:?}");
                seen[j] = true;
                if needs[j] {
                    proptest::prop_assert!(seen[j - 1], "{j} before its predecessor in {chosen:?}");
                }
            }
            match budget {
                Budget::Words(w) => {
                    let total: usize = chosen.iter().map(|&j| words[j]).sum();
                    proptest::prop_assert!(total <= w, "{total} words > {w}");
                }
                Budget::Sentences(k) => proptest::prop_assert!(chosen.len() <= k),
                Budget::Ratio(_) => {}
            }
        }
    }

    #[test]
    fn coverage_position_prefers_covering_the_lead() {
        // Sentence 6 repeats sentence 4 word for word; sentence 5 repeats most
        // of the lead, sentence 0. On coverage alone, 4 (or its repeat) covers
        // the most; weighted by position, the lead and its near-repeat are
        // worth more.
        let sequences =
            vec![vec![0, 1], vec![10], vec![11], vec![12], vec![2, 3], vec![0, 1, 9], vec![2, 3]];
        one_article(&sequences, 13, |input| {
            let choose = |coverage_position: f64| {
                let method = Submodular {
                    saturation: 7.0,
                    lambda: 0.0,
                    position: 0.0,
                    coverage_position,
                    min_words: 0,
                    ..Submodular::default()
                };
                let scores = method.rank(input);
                method.choose(input, &scores, &[2, 1, 1, 1, 2, 3, 2], Budget::Sentences(1))
            };
            assert_eq!(choose(0.0), Some(vec![4]));
            assert_eq!(choose(4.0), Some(vec![0]));
        });
    }

    #[test]
    fn parameters_without_coverage_position_read_as_the_default() {
        let mut json = serde_json::to_value(Submodular::default()).unwrap();
        json.as_object_mut().unwrap().remove("coverage_position");
        let read: Submodular = serde_json::from_value(json).unwrap();
        assert_eq!(read, Submodular::default());
    }

    #[test]
    fn coverage_saturates_and_diversity_rewards_new_clusters() {
        let sequences = vec![vec![0, 1], vec![0, 1], vec![2, 3]];
        one_article(&sequences, 4, |input| {
            let method = Submodular {
                saturation: 1.5,
                clusters: 1.0,
                position: 0.0,
                ..Submodular::default()
            };
            let mut objective = Objective::new(&method, input, true);
            // Two identical sentences: taking 0 covers 1 fully.
            objective.add(0);
            assert!(
                objective.gain(1) < objective.gain(2),
                "{} {}",
                objective.gain(1),
                objective.gain(2)
            );
            // F is monotone: no gain is negative.
            assert!(objective.gain(1) >= 0.0);
        });
    }
}
