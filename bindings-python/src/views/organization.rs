//! Who publishes the plan (策定主体) and the places and sub-plans it is organised by:
//! publishers and their offices, sub-plans, districts (地区) with their figures, and bases (拠点).

use pyo3::prelude::*;

use crate::part::HasView;
use crate::view::{child, view, PyViews};

view! {
    /// A body that publishes the plan (策定主体): the municipality, a ward, the social welfare
    /// council …; a joint plan has two, which nodes' `attributed_to` name.
    ///
    /// ```python
    /// city = plan.publishers[0]
    /// print(city.kind, city.name.ja, city.office.division.ja if city.office else None)
    /// ```
    PyPublisher as "Publisher" => Publisher;
    repr: ["id", "kind", "name"];
    fields: [id, kind, name, extensions];
    parts: [office];
    refs: [];
    {}
}

view! {
    /// The office that edited and issued the plan (編集・発行), from the organisation down:
    /// 飯塚市役所 福祉部 社会・障がい者福祉課 社会福祉係.
    PyOffice as "Office" => Office;
    repr: ["organization", "division"];
    fields: [organization, department, division, section, extensions];
    parts: [];
    refs: [];
    {}
}

view! {
    /// A sub-plan the plan declares it contains (成年後見制度利用促進基本計画,
    /// 再犯防止推進計画 …), with its own period and indicators when it has them.
    PySubPlan as "SubPlan" => SubPlan;
    repr: ["id", "title"];
    fields: [id, title, legal_basis, description, extensions];
    parts: [period, indicators];
    refs: [];
    {}
}

view! {
    /// A district (地区) in the plan's hierarchy (圏域 > 地区 > 小学校区 …), with its figures
    /// and, for a district plan (地区別計画), its own challenges and nodes.
    ///
    /// ```python
    /// for d in plan.districts:
    ///     print(d.name.ja, d.parent.name.ja if d.parent else "", [c.name.ja for c in d.children])
    /// ```
    PyDistrict as "District" => District;
    repr: ["id", "name"];
    fields: [id, name, layer, description, extensions];
    parts: [figures, challenges, nodes];
    refs: [parent / parent_id => welfare_plan::District];
    {
        /// The districts that lie in this one (whose `parent` it is), in document order.
        #[getter]
        fn children<'py>(&self, py: Python<'py>) -> PyViews<'py> {
            let id = &self.get()?.id;
            self.plan
                .districts
                .iter()
                .enumerate()
                .filter(|(_, d)| d.parent.as_ref() == Some(id))
                .map(|(i, _)| welfare_plan::District::view(py, &self.plan, child(&[], "districts", Some(i))))
                .collect()
        }
    }
}

view! {
    /// A figure of a district in a fiscal year, such as its population or ageing rate; `value`
    /// is an `int`, a `float` or a `str`, as the document writes it.
    PyFigure as "Figure" => Figure;
    repr: ["name", "fiscal_year", "value"];
    fields: [name, fiscal_year, value, unit, extensions];
    parts: [];
    refs: [];
    {}
}

view! {
    /// A base (拠点) of community welfare work, such as a 交流センター, and the district it
    /// serves.
    PyBase as "Base" => Base;
    repr: ["id", "name"];
    fields: [id, name, description, extensions];
    parts: [];
    refs: [district / district_id => welfare_plan::District];
    {}
}
