//! How ordinals are written: Ⅰ, ①, and the challenges' labels. A node's label follows its
//! level's [`crate::NumberStyle`] (see [`crate::Plan::label`]).
//!
//! Plans store numbers as plain ordinals and leave the writing to the library, because the
//! documents themselves are not consistent (Iizuka's summary writes both 基本目標Ⅰ and
//! 基本目標2).

/// Roman numerals as Japanese documents write them (Ⅰ … Ⅻ, then ASCII), for basic goals.
///
/// ```
/// assert_eq!(welfare_plan::numbering::roman(3), "Ⅲ");
/// assert_eq!(welfare_plan::numbering::roman(14), "XIV");
/// ```
pub fn roman(n: u32) -> String {
    const SINGLE: [&str; 12] = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ", "Ⅺ", "Ⅻ"];
    if let Some(s) = n.checked_sub(1).and_then(|i| SINGLE.get(i as usize)) {
        return (*s).to_owned();
    }
    ascii_roman(n)
}

/// Plain ASCII Roman numerals (I, II, …), for English text; 0 is written as `0`.
pub fn ascii_roman(mut n: u32) -> String {
    if n == 0 {
        return "0".to_owned();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Circled numbers (① … ㊿), for challenges and projects; past 50, `(51)`.
///
/// ```
/// assert_eq!(welfare_plan::numbering::circled(6), "⑥");
/// ```
pub fn circled(n: u32) -> String {
    let c = match n {
        1..=20 => char::from_u32(0x2460 + n - 1),
        21..=35 => char::from_u32(0x3251 + n - 21),
        36..=50 => char::from_u32(0x32B1 + n - 36),
        _ => None,
    };
    c.map_or_else(|| format!("({n})"), String::from)
}

/// A challenge's label: ① / Challenge 1.
pub fn challenge_label(n: u32) -> (String, String) {
    (circled(n), format!("Challenge {n}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn circled_numbers_cover_one_to_fifty() {
        assert_eq!(circled(1), "①");
        assert_eq!(circled(20), "⑳");
        assert_eq!(circled(21), "㉑");
        assert_eq!(circled(36), "㊱");
        assert_eq!(circled(50), "㊿");
        assert_eq!(circled(51), "(51)");
        assert_eq!(circled(0), "(0)");
    }

    #[test]
    fn roman_numerals_switch_to_ascii_after_twelve() {
        assert_eq!(roman(1), "Ⅰ");
        assert_eq!(roman(12), "Ⅻ");
        assert_eq!(roman(13), "XIII");
        assert_eq!(ascii_roman(1994), "MCMXCIV");
    }
}
