//! The core must stay free of web crates, so it runs and is tested natively.
#![cfg(not(target_arch = "wasm32"))]

mod common;

#[test]
fn core_modules_import_no_web_crates() {
    let files = common::rust_files("src/core");
    assert!(!files.is_empty());
    let mut offenders = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for krate in ["yew", "web_sys", "js_sys", "wasm_bindgen", "gloo"] {
                let used = code.contains(&format!("{krate}::"))
                    || code.contains(&format!("use {krate}"))
                    || code.contains(&format!("extern crate {krate}"));
                if used {
                    offenders.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "web crates in the core:\n{}",
        offenders.join("\n")
    );
}
