//! The help model (自助・共助・公助, or the plan's own sectors).

use pyo3::prelude::*;
use welfare_plan::{Lang, Text};

use crate::part::HasView;
use crate::text::{lang, PyText};
use crate::view::{child, view};

view! {
    /// The help model (自助・共助・公助, 自助・互助・共助・公助, or the plan's own sectors)
    /// and the plan's definition of each sector. A plan may have none (`plan.help_model is
    /// None`).
    ///
    /// ```python
    /// model = plan.help_model
    /// assert model.has("共助") and model.has("mutual_help")
    /// print(model.heading())   # 自助・共助・公助
    /// ```
    PyHelpModel as "HelpModel" => HelpModel;
    repr: ["kind"];
    fields: [kind, extensions];
    parts: [sectors];
    refs: [];
    {
        /// Whether the model has the sector `sector`: a code (`self_help`, or a custom model's
        /// own) or a sector's label (自助).
        fn has(&self, sector: &str) -> PyResult<bool> {
            let model = self.get()?;
            Ok(match self.plan.sector_code(sector) {
                Ok(code) => model.has(code),
                Err(_) => model.has(sector),
            })
        }

        /// The definition of the sector `sector` (a code or a label), or `None`.
        fn sector<'py>(&self, py: Python<'py>, sector: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
            let model = self.get()?;
            let code = self.plan.sector_code(sector).unwrap_or(sector);
            match model.sectors.iter().position(|s| s.sector.as_str() == code) {
                Some(i) => Ok(Some(welfare_plan::SectorDefinition::view(
                    py,
                    &self.plan,
                    child(&self.loc, "sectors", Some(i)),
                )?)),
                None => Ok(None),
            }
        }

        /// The model's heading in `lang`: 自助・共助・公助, or the custom sectors' labels.
        #[pyo3(signature = (lang = "ja"))]
        fn heading(&self, lang: &str) -> PyResult<String> {
            Ok(self.get()?.heading(self::lang(lang)?))
        }
    }
}

view! {
    /// What one sector means in this plan, in the plan's words. `label` is the plan's own label
    /// (a custom model's sectors have one), else the built-in one (自助 / self-help).
    PySectorDefinition as "SectorDefinition" => SectorDefinition;
    repr: ["sector", "definition"];
    fields: [sector, definition, extensions];
    parts: [];
    refs: [];
    {
        /// The sector's name: the plan's own label, or the built-in one (自助 / self-help).
        #[getter]
        fn label(&self) -> PyResult<PyText> {
            let d = self.get()?;
            Ok(PyText(match &d.label {
                Some(own) => own.clone(),
                None => Text::new(d.label(Lang::Ja), Some(&d.label(Lang::En))),
            }))
        }
    }
}
