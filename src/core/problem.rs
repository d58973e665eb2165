//! Problems found in a data file: where (file, line, field) and what. The "what" is a
//! message kind with named arguments, so the reader's language words it
//! (`Locale::describe`); `Display` gives the English text, for the validator.

crate::codes! {
    /// Every kind of problem validation reports. Each has a template in every locale.
    pub enum Msg {
        // The CSV layer.
        NoHeader = "no_header",
        Utf16 = "utf16",
        NotUtf8 = "not_utf8",
        BidiControl = "bidi_control",
        RaggedRow = "ragged_row",
        ColumnTwice = "column_twice",
        TooManyColumns = "too_many_columns",
        TooManyProblems = "too_many_problems",
        FileTooLarge = "file_too_large",
        FileOverCap = "file_over_cap",
        TooManyRows = "too_many_rows",
        NoColumn = "no_column",
        // purchases.csv
        SourceNoId = "source_no_id",
        SourceIdTwice = "source_id_twice",
        NotHttps = "not_https",
        SourceNoCitation = "source_no_citation",
        NoFormula = "no_formula",
        BadStatus = "bad_status",
        BadDate = "bad_date",
        NoId = "no_id",
        IdTwice = "id_twice",
        BadUnit = "bad_unit",
        BadNumber = "bad_number",
        OutOfRange = "out_of_range",
        BadCategory = "bad_category",
        BadBasis = "bad_basis",
        BadCommitmentPeriod = "bad_commitment_period",
        BadBaselineYear = "bad_baseline_year",
        BadTargetYear = "bad_target_year",
        BadMonth = "bad_month",
        MonthOutside = "month_outside",
        GivenTwice = "given_twice",
        NoRecord = "no_record",
        UnknownRecord = "unknown_record",
        NoSourceCited = "no_source_cited",
        UndefinedSource = "undefined_source",
        MissingCommitment = "missing_commitment",
        NoFigures = "no_figures",
        NoCutoff = "no_cutoff",
        MissingTarget = "missing_target",
        MissingBaseline = "missing_baseline",
        PartialMonth = "partial_month",
        PartialPattern = "partial_pattern",
        SumMismatch = "sum_mismatch",
        TwoYearSum = "two_year_sum",
        TargetMismatch = "target_mismatch",
        // timeline.csv
        BadSlug = "bad_slug",
        SlugTwice = "slug_twice",
        BadPrecision = "bad_precision",
        BadEventDate = "bad_event_date",
        BadTitle = "bad_title",
        BadAnnotation = "bad_annotation",
        BadApps = "bad_apps",
        BadActor = "bad_actor",
        NoEventSource = "no_event_source",
        BadVerified = "bad_verified",
        BadKey = "bad_key",
        BadLabel = "bad_label",
        LabelOutsideChart = "label_outside_chart",
        // The source policy (both files)
        NoOutlet = "no_outlet",
        NoSourceTitle = "no_source_title",
        BadSourceDate = "bad_source_date",
        BadTier = "bad_tier",
        TrackingParam = "tracking_param",
        CopyHost = "copy_host",
        NoEvents = "no_events",
        // A language's files (locale/<lang>.csv, data/timeline.<lang>.csv)
        UnknownKey = "unknown_key",
        NoText = "no_text",
        Placeholders = "placeholders",
        UnknownEvent = "unknown_event",
        NoTranslation = "no_translation",
        NoLabel = "no_label",
        TextUnused = "text_unused",
        BadSourceKind = "bad_source_kind",
        UnknownSourceKey = "unknown_source_key",
        NoSourceText = "no_source_text",
    }
}

/// One problem in a data file. Validation collects every problem and stops at none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file's name, as the person who edits it knows it (e.g. `purchases.csv`).
    pub file: String,
    /// 1-based line number in the file; 0 when the problem concerns the whole file.
    pub line: usize,
    /// The column (field) concerned, if any.
    pub field: Option<String>,
    pub msg: Msg,
    /// The template's arguments, already quoted or formatted (codes, numbers, values).
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    pub fn new(file: &str, line: usize, field: Option<&str>, msg: Msg) -> Self {
        Problem {
            file: file.to_string(),
            line,
            field: field.map(str::to_string),
            msg,
            args: Vec::new(),
        }
    }

    /// Adds a template argument.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The same problem, about the named file.
    #[must_use]
    pub fn with_file(mut self, file: &str) -> Self {
        self.file = file.to_string();
        self
    }

    /// Adds a value the file gave, quoted and shortened (see [`quote`]).
    #[must_use]
    pub fn value(self, value: &str) -> Self {
        self.arg("value", quote(value))
    }
}

/// Quotes a user-supplied value for a message, shortened so a hostile or huge value
/// cannot flood the notice.
pub fn quote(value: &str) -> String {
    const MAX: usize = 40;
    let mut out = String::from("\u{201c}");
    let mut chars = value.chars();
    out.extend(chars.by_ref().take(MAX).map(|c| match c {
        c if c.is_control() => ' ',
        // A direction control would turn the message around it: shown, not obeyed.
        c if is_bidi_control(c) => '\u{FFFD}',
        c => c,
    }));
    if chars.next().is_some() {
        out.push('\u{2026}');
    }
    out.push('\u{201d}');
    out
}

/// The invisible controls that set a text's direction (embeddings, overrides, isolates,
/// marks): in a data file's text they could make it, or the widget's own words after it,
/// read backwards, so a file may not hold them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}
