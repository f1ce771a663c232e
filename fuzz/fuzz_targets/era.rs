//! Any text as a fiscal year in an era; every accepted year round-trips through its label.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        if let Ok(year) = welfare_plan::era::fiscal_year_from_era(s) {
            let label = welfare_plan::era::era_label(year).expect("a year read from text has a label");
            assert_eq!(welfare_plan::era::fiscal_year_from_era(&label).ok(), Some(year));
        }
    }
    if data.len() >= 4 {
        let y = i32::from_le_bytes([data[0], data[1], data[2], data[3]]);
        let _ = welfare_plan::era::era_label(y);
        let _ = welfare_plan::era::month_label(y, i32::from(data[0] % 14) - 1);
    }
});
