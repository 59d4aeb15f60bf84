//! Sentences from the project's seed articles and evaluation sets (Reuters, Al Jazeera, The
//! Guardian, DUC 2003/2004 newswire, BBC News, MultiLing 2011), plus constructed edge cases.

use proptest::prelude::*;

use super::*;

/// The byte spans of `parts`, found in order in `text`.
fn spans_of(text: &str, parts: &[&str]) -> Vec<Range<usize>> {
    let mut from = 0;
    parts
        .iter()
        .map(|part| {
            let start = from + text[from..].find(part).expect("part occurs in text");
            from = start + part.len();
            start..from
        })
        .collect()
}

/// Asserts that the whole of `text` splits into exactly `parts`, at their exact byte spans.
#[track_caller]
fn assert_splits(text: &str, parts: &[&str]) {
    let got = sentences(text, 0..text.len());
    let got_text: Vec<&str> = got.iter().map(|s| &text[s.clone()]).collect();
    assert_eq!(got_text, parts);
    assert_eq!(got, spans_of(text, parts));
}

#[track_caller]
fn assert_one(text: &str) {
    assert_splits(text, &[text.trim()]);
}

#[test]
fn empty_and_blank_input() {
    assert!(sentences("", 0..0).is_empty());
    assert!(sentences(" \n\t ", 0..4).is_empty());
    assert!(sentences("Hello.", 3..3).is_empty());
}

#[test]
fn reuters_lead_with_us_brokered() {
    assert_one(
        "KYIV, Feb 4 (Reuters) - Ukrainian and Russian negotiators began a second round of \
         U.S.-brokered talks in Abu Dhabi on Wednesday, seeking to advance efforts to end \
         Europe's biggest conflict since World War Two.",
    );
}

/// Newswire datelines and all-caps copy write "St." and "Mr." in capitals
/// (DUC 2003: "ST. KITTS and NEVIS _ Both of the islands...").
#[test]
fn two_letter_abbreviations_in_capitals() {
    assert_one("ST. KITTS and NEVIS _ Both of the islands that make up the country were hit.");
    assert_one("ST. PETERSBURG, Russia (AP) _ The city council met on Monday.");
    assert_one("MR. JONES said the plan would go ahead.");
    assert_splits(
        "He was diagnosed with MS. He said so on Monday.",
        &["He was diagnosed with MS.", "He said so on Monday."],
    );
}

/// Issue 10: a sentence never begins or ends inside a quotation, so a quotation of several
/// sentences is one unit with its attribution.
#[test]
fn quotation_of_several_sentences_is_one_unit() {
    assert_one(
        "\"Let's hope that it will change (something), of course. But I don't believe it will \
         change anything now. We will not give in, and they will not give in either,\" Serhii, \
         38, a taxi driver, told Reuters.",
    );
    assert_splits(
        "Ukraine's partners, he said, had to exert more pressure on Moscow. \"It must be felt \
         now. People in Ukraine must feel that the situation is genuinely moving toward peace \
         and the end of the war, not toward Russia using everything to its advantage and \
         continuing attacks,\" Zelensky said. He spoke in his nightly video address.",
        &[
            "Ukraine's partners, he said, had to exert more pressure on Moscow.",
            "\"It must be felt now. People in Ukraine must feel that the situation is genuinely \
             moving toward peace and the end of the war, not toward Russia using everything to \
             its advantage and continuing attacks,\" Zelensky said.",
            "He spoke in his nightly video address.",
        ],
    );
    assert_splits(
        "“The warmongers from Europe are constantly trying to interfere with this process. And \
         the more such attempts there are, the more we see that progress is definitely being \
         made,” Dmitriev said. “There is positive movement forward,” he said.",
        &[
            "“The warmongers from Europe are constantly trying to interfere with this process. \
             And the more such attempts there are, the more we see that progress is definitely \
             being made,” Dmitriev said.",
            "“There is positive movement forward,” he said.",
        ],
    );
    // A straight quote right after a closing single quote closes the quotation.
    assert_splits(
        "\"A short-term arrangement is just confusing. The kids will ask: 'What am I doing \
         there?'\" LTA chief executive, John Crowther, added more.",
        &[
            "\"A short-term arrangement is just confusing. The kids will ask: 'What am I doing \
             there?'\"",
            "LTA chief executive, John Crowther, added more.",
        ],
    );
    // A quoted question and its attribution are one sentence.
    assert_one("\"Is there any way to stay calm in this country?\" Tambara asked.");
    assert_one("\"They say, `Where is the president?\"' Miller said.");
    // A quotation that goes on in the next paragraph has no closing quote here.
    assert_one("“We will not give in. They will not give in either.");
    // Quotes inside a word are no quotations.
    assert_splits(
        "ארה\"ב, לצד קנדה ויפן, מסרבות להסכים. רעידת אדמה חזקה פקדה שוב את האיטי.",
        &["ארה\"ב, לצד קנדה ויפן, מסרבות להסכים.", "רעידת אדמה חזקה פקדה שוב את האיטי."],
    );
}

/// A joined quotation's parts are the sentences it was cut into; any other sentence, quoted or
/// not, is its own one part.
#[test]
fn parts_are_the_sentences_a_quotation_joined() {
    let parts = |s: &str| -> Vec<String> {
        super::parts(s).into_iter().map(|r| s[r].to_string()).collect()
    };
    let text = "Ukraine's partners had to exert more pressure. \"It must be felt now. People in \
                Ukraine must feel it,\" Zelensky said. “There is movement. It is real,” he said.";
    let joined = sentences(text, 0..text.len());
    assert_eq!(joined.len(), 3);
    assert_eq!(parts(&text[joined[0].clone()]), ["Ukraine's partners had to exert more pressure."]);
    assert_eq!(
        parts(&text[joined[1].clone()]),
        ["\"It must be felt now.", "People in Ukraine must feel it,\" Zelensky said."]
    );
    assert_eq!(parts(&text[joined[2].clone()]), ["“There is movement.", "It is real,” he said."]);
    assert_eq!(
        parts("\"Is there any way to stay calm?\" Tambara asked."),
        ["\"Is there any way to stay calm?\" Tambara asked."]
    );
    assert_eq!(parts(""), [""]);
}

#[test]
fn very_long_quotation_is_split_like_other_text() {
    let sentence = "We will hold the line in the east and we will not give up any land at all. ";
    let text = format!("\"{}\" he said.", sentence.repeat(10).trim_end());
    assert!(text.chars().count() > MAX_QUOTATION_CHARS);
    assert_eq!(sentences(&text, 0..text.len()).len(), 10);
}

#[test]
fn straight_quote_after_the_final_stop() {
    assert_splits(
        "Hun Sen said on Friday that the opposition concerns over their safety in the country \
         was \"just an excuse for them to stay abroad.\" Both Ranariddh and Sam Rainsy have been \
         outside the country since parliament was ceremonially opened on Sep. 24.",
        &[
            "Hun Sen said on Friday that the opposition concerns over their safety in the country \
             was \"just an excuse for them to stay abroad.\"",
            "Both Ranariddh and Sam Rainsy have been outside the country since parliament was \
             ceremonially opened on Sep. 24.",
        ],
    );
}

#[test]
fn curly_quotes_stay_with_their_sentence() {
    let text = "“I think it’s all just a show for the public,” Petro, a Kyiv resident, told the AFP \
                news agency. “We must prepare for the worst and hope for the best.”";
    assert_eq!(sentences(text, 0..text.len()), vec![0..102, 103..161]);
    assert!(text[103..161].ends_with("best.”"));
}

#[test]
fn reporting_credit_line() {
    assert_one("(Reporting by Olena Harmash; Editing by Sharon Singleton)");
    assert_splits(
        "The first round of talkswas held in the UAE last month, marking the first direct public \
         negotiations between Moscow and Kyiv. (Reporting by Olena Harmash; Editing by Sharon \
         Singleton)",
        &[
            "The first round of talkswas held in the UAE last month, marking the first direct \
             public negotiations between Moscow and Kyiv.",
            "(Reporting by Olena Harmash; Editing by Sharon Singleton)",
        ],
    );
}

#[test]
fn sentence_ending_inside_parentheses() {
    assert_splits(
        "Then he bolted from the House chamber. (The House voted 228-206 to approve the first \
         article of impeachment. The vote was announced at 1:24 p.m. EST, leaving the 42nd \
         president to face trial in the Senate on whether he should be removed from office.) \
         Clinton rejected the advice immediately.",
        &[
            "Then he bolted from the House chamber.",
            "(The House voted 228-206 to approve the first article of impeachment.",
            "The vote was announced at 1:24 p.m. EST, leaving the 42nd president to face trial in \
             the Senate on whether he should be removed from office.)",
            "Clinton rejected the advice immediately.",
        ],
    );
}

#[test]
fn quoted_question_and_exclamation_followed_by_attribution() {
    assert_splits(
        "In the corridor just beyond, a doorman shouted to a police officer: \"Livingston just \
         resigned!\" \"What?\" came the reply from the officer.",
        &[
            "In the corridor just beyond, a doorman shouted to a police officer: \"Livingston \
             just resigned!\"",
            "\"What?\" came the reply from the officer.",
        ],
    );
    assert_splits(
        "He has struck a harsh blow to the sense of confidence he had worked so hard to build \
         under the slogan \"Malaysia Can!\" In this generally decorous nation, the depth of \
         anger is disturbing to hear.",
        &[
            "He has struck a harsh blow to the sense of confidence he had worked so hard to build \
             under the slogan \"Malaysia Can!\"",
            "In this generally decorous nation, the depth of anger is disturbing to hear.",
        ],
    );
    assert_splits(
        "Rather than expecting the government - i.e. the taxpayer - to fork out, why don't some \
         of the megastars put something back in? Some of Britain's wealthiest people are \
         musicians who have raked it in from albums, concerts etc. There are far more important \
         demands on government funds.",
        &[
            "Rather than expecting the government - i.e. the taxpayer - to fork out, why don't \
             some of the megastars put something back in?",
            "Some of Britain's wealthiest people are musicians who have raked it in from albums, \
             concerts etc.",
            "There are far more important demands on government funds.",
        ],
    );
}

#[test]
fn titles_and_initials() {
    assert_one(
        "In a stirring speech applauded even by some Republicans, Rep. Dick Gephardt of \
         Missouri, the Democratic leader, praised Livingston as a \"worthy, good and honorable \
         man\" and said his resignation was a grave mistake.",
    );
    assert_one(
        "The commission holds accountable for such violations: Mr. P. W. Botha, Gen. Magnus \
         Malan, Lt. Col. Jerry Smith, Sen. John McCain, Gov. George W. Bush and Dr. A. Smith.",
    );
    assert_one("Mrs. Smith met Ms. Jones, Prof. J.R.R. Tolkien and B.J. Habibie in St. Louis.");
    assert_splits(
        "The letter was signed by George W. Bush. The White House declined to comment.",
        &["The letter was signed by George W. Bush.", "The White House declined to comment."],
    );
}

#[test]
fn name_that_looks_like_a_title() {
    // "Sen" is also a name (Hun Sen): before a typical sentence opener the sentence ends.
    assert_splits(
        "The resolution was aimed at Hun Sen. The Cambodian People's Party criticized it.",
        &["The resolution was aimed at Hun Sen.", "The Cambodian People's Party criticized it."],
    );
}

#[test]
fn country_abbreviations() {
    assert_one(
        "Over the past year, U.S. President Donald Trump's administration has pushed both Kyiv \
         and Moscow to find a compromise, despite several rounds of talks with U.S. officials.",
    );
    assert_one("The U.N. Security Council, the U.K. and E.U. envoys met U.S.S.R. veterans.");
    assert_splits(
        "The deal was brokered by the U.S. The talks will resume on Thursday.",
        &["The deal was brokered by the U.S.", "The talks will resume on Thursday."],
    );
    assert_one("The move was widely seen as anti-U.S. and pro-U.N. in tone.");
}

#[test]
fn company_suffixes() {
    assert_splits(
        "The proposed deal is a complex, three-way transaction involving AOL, Netscape and Sun \
         Microsystems Inc. AOL, the leading on-line service with more than 14 million \
         subscribers, would acquire Netscape's popular site on the World Wide Web.",
        &[
            "The proposed deal is a complex, three-way transaction involving AOL, Netscape and \
             Sun Microsystems Inc.",
            "AOL, the leading on-line service with more than 14 million subscribers, would \
             acquire Netscape's popular site on the World Wide Web.",
        ],
    );
    assert_one(
        "Envisioning a thoroughly networked world, America Online Inc. Tuesday laid out the \
         details of its agreement to buy the Netscape Communications Corp. for $4.2 billion.",
    );
    assert_splits(
        "\"We would be quick as observers to applaud,\" said George David, who is also chairman \
         and CEO of United Technologies Corp. Thailand was hit hard by last year's Asian \
         economic crisis.",
        &[
            "\"We would be quick as observers to applaud,\" said George David, who is also \
             chairman and CEO of United Technologies Corp.",
            "Thailand was hit hard by last year's Asian economic crisis.",
        ],
    );
    assert_one("Samsung Electronics Co. Ltd. and Sony Corp. Chairman Nobuyuki Idei spoke.");
}

#[test]
fn months_and_dates() {
    assert_splits(
        "Both Ranariddh and Sam Rainsy have been outside the country since parliament was \
         ceremonially opened on Sep. 24. Sam Rainsy has been under court investigation for a \
         grenade attack on Hun Sen's residence on Sept. 7. Hun Sen was not home at the time.",
        &[
            "Both Ranariddh and Sam Rainsy have been outside the country since parliament was \
             ceremonially opened on Sep. 24.",
            "Sam Rainsy has been under court investigation for a grenade attack on Hun Sen's \
             residence on Sept. 7.",
            "Hun Sen was not home at the time.",
        ],
    );
    assert_one("Published: 05 Feb. 2026, 09:42");
    assert_one(
        "Newt Gingrich technically remains speaker until Jan. 6, when Livingston's election was \
         to be ratified by the new Congress.",
    );
}

#[test]
fn times_of_day() {
    assert_one(
        "An Egypt Air plane was the first to land on the desert tarmac in the southern Gaza \
         Strip at 8:30 a.m. (0630 gmt).",
    );
    assert_one("The session starts at 9 a.m. Monday and ends at 5 P.M. EST.");
    assert_splits(
        "The attack came at 9:45 a.m. Police sealed off the market.",
        &["The attack came at 9:45 a.m.", "Police sealed off the market."],
    );
}

#[test]
fn numbers_decimals_and_percentages() {
    assert_splits(
        "TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn. Its profits were \
         buoyed by one-off gains.",
        &[
            "TimeWarner said fourth quarter sales rose 2% to $11.1bn from $10.9bn.",
            "Its profits were buoyed by one-off gains.",
        ],
    );
    assert_one(
        "Military analysts have said that Russian forces have gained about 1.5% of Ukrainian \
         territory since the start of 2024.",
    );
    assert_one("Pi is about 3.14 and the tax is 7.5 percent.");
    assert_one(
        "Sharon, who opposes ceding West Bank land, is being considered for the government's \
         No. 2 post.",
    );
    assert_splits(
        "He was born in 1950. 1951 was a hard year.",
        &["He was born in 1950.", "1951 was a hard year."],
    );
}

#[test]
fn latin_abbreviations() {
    assert_one(
        "Cheap travel (e.g. Starsky and Hutch reruns, i.e. Russia and Germany) is cf. page 5 \
         and Kramer vs. Kramer.",
    );
    assert_splits(
        "Everybody knows the words to Bohemian Rhapsody, Nothing Compares 2 U, etc. Much better \
         songs and more timeless. Give it to someone with real talent.",
        &[
            "Everybody knows the words to Bohemian Rhapsody, Nothing Compares 2 U, etc.",
            "Much better songs and more timeless.",
            "Give it to someone with real talent.",
        ],
    );
    assert_one("Bring pens, paper, etc. and a calculator.");
}

#[test]
fn ellipses() {
    assert_one(
        "\"The (Pinochet) case is serious ... the problem is delicate\" and the reactions bear \
         watching, Castro said.",
    );
    assert_one("We waited… and waited... and nothing happened.");
    assert_splits(
        "AP - « le nombre de décès a dépassé les 121 000. » BBC - « au moins 124 000... Les \
         Nations unies indiquent que le bilan s'approcherait des 150 000 morts. »",
        &[
            "AP - « le nombre de décès a dépassé les 121 000. »",
            "BBC - « au moins 124 000... Les Nations unies indiquent que le bilan s'approcherait \
             des 150 000 morts. »",
        ],
    );
    assert_splits(
        "Le bilan dépasse les 124 000... Les Nations unies parlent de 150 000 morts.",
        &["Le bilan dépasse les 124 000...", "Les Nations unies parlent de 150 000 morts."],
    );
    assert_splits("He paused… Then he left.", &["He paused…", "Then he left."]);
}

#[test]
fn question_and_exclamation_endings() {
    assert_splits(
        "What are the sticking points? The main sticking point is territory! Is it? Yes.",
        &[
            "What are the sticking points?",
            "The main sticking point is territory!",
            "Is it?",
            "Yes.",
        ],
    );
    assert_splits("Really?! No way.", &["Really?!", "No way."]);
}

#[test]
fn headings_and_fragments_without_final_punctuation() {
    assert_one("Overview of the Peace Talks");
    assert_splits(
        "Do you recall any discussion? Absolutely. Later in the deposition",
        &["Do you recall any discussion?", "Absolutely.", "Later in the deposition"],
    );
}

#[test]
fn long_line_without_punctuation_is_one_sentence() {
    let text = "word and another word ".repeat(5_000);
    assert_eq!(sentences(&text, 0..text.len()), vec![0..text.len() - 1]);
}

#[test]
fn missing_space_after_period_is_left_alone() {
    assert_one("The talks ended.Both sides left.");
}

#[test]
fn newlines_are_ordinary_whitespace() {
    let text = "First line\nof the sentence. Second\nsentence.\n";
    assert_eq!(sentences(text, 0..text.len()), vec![0..27, 28..44]);
}

#[test]
fn spans_are_absolute_and_stay_inside_the_range() {
    let text = "Heading\n\nFirst sentence. Second one.\n\nOther paragraph.";
    assert_eq!(sentences(text, 9..36), vec![9..24, 25..36]);
    // A range that ends mid-sentence cuts it there.
    assert_eq!(sentences(text, 9..20), vec![9..20]);
}

#[test]
fn bad_ranges_are_clamped() {
    let text = "Ça va. Très bien.";
    assert_eq!(sentences(text, 0..usize::MAX), vec![0..7, 8..19]);
    assert!(sentences(text, 100..200).is_empty());
    // Byte 1 is inside "Ç": the range starts at the next character.
    assert_eq!(sentences(text, 1..7), vec![2..7]);
    // Byte 11 is inside "è": the range ends before it.
    assert_eq!(sentences(text, 8..11), vec![8..10]);
    #[allow(clippy::reversed_empty_ranges)]
    let reversed = 7..3;
    assert!(sentences(text, reversed).is_empty());
}

#[test]
fn french_czech_and_hebrew() {
    assert_splits(
        "M. Dupont a rencontré Mme Martin à Paris. Les Nations unies ont réagi.",
        &["M. Dupont a rencontré Mme Martin à Paris.", "Les Nations unies ont réagi."],
    );
    assert_splits(
        "Sobota, 8. ledna 2005. Občané USA mohou odepsat své dary, např. Jan Novák. Tak.",
        &["Sobota, 8. ledna 2005.", "Občané USA mohou odepsat své dary, např. Jan Novák.", "Tak."],
    );
    assert_splits(
        "„Je to vážná situace.“ Řekl to ministr.",
        &["„Je to vážná situace.“", "Řekl to ministr."],
    );
    assert_splits(
        "רעידת אדמה חזקה פקדה שוב את האיטי. ארה\"ב, לצד קנדה ויפן, מסרבות להסכים.",
        &["רעידת אדמה חזקה פקדה שוב את האיטי.", "ארה\"ב, לצד קנדה ויפן, מסרבות להסכים."],
    );
}

#[test]
fn greek_question_mark() {
    assert_splits(
        "Τι συμβαίνει; Κανείς δεν ξέρει. Μια σειρά πυροβολισμών πραγματοποιήθηκε.",
        &["Τι συμβαίνει;", "Κανείς δεν ξέρει.", "Μια σειρά πυροβολισμών πραγματοποιήθηκε."],
    );
    assert_splits("Πού είσαι\u{037E} Εδώ.", &["Πού είσαι\u{037E}", "Εδώ."]);
    // In Latin text a semicolon never ends a sentence.
    assert_one("Reporting by Olena Harmash; Editing by Sharon Singleton");
}

#[test]
fn arabic_hindi_and_cjk() {
    assert_splits(
        "وقد أرسلت فرنسا سفينة أبحاث؟ البحث ما زال جاريا. مسؤولو الحكومة",
        &["وقد أرسلت فرنسا سفينة أبحاث؟", "البحث ما زال جاريا.", "مسؤولو الحكومة"],
    );
    assert_splits(
        "ब्रिटिश रक्षा मंत्रालय के मुताबिक ।रौयल नौसेना ने कहा कि वे ईराकी पानी में थे । ईरानी सरकार ने",
        &[
            "ब्रिटिश रक्षा मंत्रालय के मुताबिक ।",
            "रौयल नौसेना ने कहा कि वे ईराकी पानी में थे ।",
            "ईरानी सरकार ने",
        ],
    );
    assert_splits(
        "今天天气很好。我们去公园吧！「好的。」他说？",
        &["今天天气很好。", "我们去公园吧！", "「好的。」", "他说？"],
    );
}

#[test]
fn unicode_dashes_and_quotes() {
    assert_splits(
        "European allies had committed to deploying forces – a proposal Russia has so far \
         flatly rejected. “Each such strike confirms that attitudes in Moscow have not changed,” \
         Zelenskyy said.",
        &[
            "European allies had committed to deploying forces – a proposal Russia has so far \
             flatly rejected.",
            "“Each such strike confirms that attitudes in Moscow have not changed,” Zelenskyy \
             said.",
        ],
    );
    assert_splits(
        "Ukraine’s partners, he said, had to exert more pressure on Moscow. ‘It must be felt \
         now.’ He left.",
        &[
            "Ukraine’s partners, he said, had to exert more pressure on Moscow.",
            "‘It must be felt now.’",
            "He left.",
        ],
    );
}

/// Checks every promise of [`sentences`] for one call; when the range is valid, also that only
/// whitespace falls between the spans.
fn check_well_formed(text: &str, range: Range<usize>) -> Result<(), TestCaseError> {
    let spans = sentences(text, range.clone());
    let mut previous_end = range.start.min(text.len());
    for span in &spans {
        prop_assert!(span.start < span.end, "empty span {span:?}");
        prop_assert!(span.start >= previous_end, "overlap or disorder at {span:?}");
        prop_assert!(span.start >= range.start && span.end <= range.end, "{span:?} outside");
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let s = &text[span.clone()];
        prop_assert!(!s.starts_with(char::is_whitespace), "leading whitespace in {s:?}");
        prop_assert!(!s.ends_with(char::is_whitespace), "trailing whitespace in {s:?}");
        previous_end = span.end;
    }
    let valid = range.start <= range.end
        && range.end <= text.len()
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end);
    if valid {
        let mut from = range.start;
        for span in spans.iter().chain(std::iter::once(&(range.end..range.end))) {
            let gap = &text[from..span.start];
            prop_assert!(gap.trim().is_empty(), "text {gap:?} dropped");
            from = span.end;
        }
    }
    Ok(())
}

/// Text built from pieces that exercise every rule: abbreviations, initials, closers, openers,
/// numbers, ellipses, list markers, quotations, non-Latin marks and whitespace of several kinds.
fn newsy_text() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "The",
        "the",
        "U.S.",
        "Mr.",
        "Inc.",
        "etc.",
        "W.",
        "Feb.",
        "5",
        "3.14",
        ".",
        "?",
        "!",
        "...",
        "…",
        "\"",
        "”",
        "“",
        "’",
        "(",
        ")",
        "«",
        "»",
        " ",
        " ",
        " ",
        "\n",
        "\u{a0}",
        "\u{3000}",
        "word",
        "Word",
        "é",
        "Ωμέγα",
        ";",
        "。",
        "।",
        "؟",
        "-",
        "—",
        "1.",
        "2.)",
        "a)",
        "•",
        "[",
        "]",
        ". . .",
        " .",
        "N°",
        "„",
        "asked",
    ];
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #[test]
    fn well_formed_for_any_text_and_range(
        text in any::<String>(),
        start in any::<usize>(),
        end in any::<usize>(),
    ) {
        check_well_formed(&text, start..end)?;
    }

    #[test]
    fn well_formed_for_ranges_inside_the_text(
        text in any::<String>(),
        start in 0usize..64,
        len in 0usize..64,
    ) {
        let start = start % (text.len() + 1);
        let end = (start + len).min(text.len() + 1);
        check_well_formed(&text, start..end)?;
    }

    #[test]
    fn well_formed_for_newsy_text(text in newsy_text(), start in 0usize..8, cut in 0usize..8) {
        check_well_formed(&text, 0..text.len())?;
        check_well_formed(&text, start..text.len().saturating_sub(cut))?;
    }
}
