//! The municipality (市町村) that adopts the plan.

use crate::view::view;

view! {
    /// The municipality (市町村) that adopts the plan: its 6-digit local government code
    /// (全国地方公共団体コード), name and prefecture.
    ///
    /// ```python
    /// m = plan.municipality
    /// assert (m.code, m.name.ja, m.prefecture.ja) == ("402052", "飯塚市", "福岡県")
    /// ```
    PyMunicipality as "Municipality" => Municipality;
    repr: ["code", "name"];
    fields: [code, name, prefecture, extensions];
    parts: [];
    refs: [];
    {}
}
