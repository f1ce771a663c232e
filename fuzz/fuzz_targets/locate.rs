//! The JSON Pointer locator on any text and pointers (it normally sees only parsed JSON).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        let (text, pointer) = s.split_once('\u{0}').unwrap_or((s, "/a/0"));
        for offset in welfare_plan::locate::locate_all(text, &[pointer.to_owned(), String::new()]) {
            assert!(offset <= text.len());
            let _ = welfare_plan::locate::line_column(text, offset);
        }
    }
});
