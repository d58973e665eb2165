pub const HEADLINE: &str = "Is China buying what it promised?";
