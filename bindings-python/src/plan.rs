//! `Plan`: a checked plan, kept in Rust and shown to Python through lazy views.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use welfare_plan::{render, validate_with, Checked, Issue, Limits, Plan};

use crate::convert::{to_value, to_value_at};
use crate::input::{check_data, Document};
use crate::issue::{bad_argument, plan_error, plan_error_in, unknown_name_error, wrap, PyIssue};
use crate::json::{py_repr, to_python};
use crate::limits::resolve;
use crate::part::{part_loc, view_at, Findable, HasView};
use crate::pickle::{reduce_plan, Reduced};
use crate::progress::{evaluate_reports, PyProgress, SharedProgress};
use crate::text::lang;
use crate::view::{accessors, child, gone, PyValue, PyViews, SharedPlan, Step};
use crate::views::node_views;

/// A regional welfare plan (地域福祉計画) that has passed every rule of the core.
///
/// Get one from `loads`, `load`, `Plan.from_dict` or `iizuka_third_plan`. The plan stays in
/// Rust; its levels, nodes and every other part are views created when read, and every
/// object is immutable and safe to share between threads. A format 1.0 document is read
/// through the core's upgrade and written back as 2.0.
///
/// ```python
/// plan = welfare_plan.iizuka_third_plan()
/// for goal in plan.nodes:
///     print(goal.label.ja, goal.title.ja)
/// ```
#[pyclass(frozen, eq, module = "welfare_plan", name = "Plan")]
pub struct PyPlan {
    plan: Arc<SharedPlan>,
    warnings: Vec<Issue>,
}

impl PartialEq for PyPlan {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.plan, &other.plan) || self.plan == other.plan
    }
}

impl PyPlan {
    /// A plan and the warnings found when it was checked.
    pub fn new(plan: Plan, warnings: Vec<Issue>) -> Self {
        PyPlan {
            plan: SharedPlan::new(plan),
            warnings,
        }
    }

    /// The plan if `checked` has no errors, else `PlanError` with every issue.
    pub fn from_checked(py: Python<'_>, checked: Checked) -> PyResult<Self> {
        match checked.into_plan_and_warnings() {
            Ok((plan, warnings)) => Ok(PyPlan::new(plan, warnings)),
            Err(e) => Err(plan_error(py, e.issues().to_vec())),
        }
    }

    /// The plan a document holds, checked; `PlanError` names the document's file, if any.
    pub fn from_document(py: Python<'_>, doc: &Document<'_>, limits: &Limits) -> PyResult<Self> {
        match doc.check(py, limits).into_plan_and_warnings() {
            Ok((plan, warnings)) => Ok(PyPlan::new(plan, warnings)),
            Err(e) => Err(plan_error_in(py, e.issues().to_vec(), doc.file.as_deref())),
        }
    }

    /// A plan from plain data, checked by the core.
    fn from_data(py: Python<'_>, value: &serde_json::Value, limits: &Limits) -> PyResult<Self> {
        PyPlan::from_checked(py, py.detach(|| check_data(value, limits)))
    }

    /// The shared plan, which reports and evaluations of it hold too.
    pub fn shared(&self) -> &Arc<SharedPlan> {
        &self.plan
    }

    /// The plan, for the generated accessors.
    fn get(&self) -> PyResult<&Plan> {
        Ok(&self.plan)
    }

    /// The plan's location: the root.
    fn loc(&self) -> &[Step] {
        &[]
    }

    /// The view of the part of type `T` with id `id`, or `None`.
    fn find<'py, T: Findable>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        T::find(&self.plan, id)
            .map(|loc| T::view(py, &self.plan, loc))
            .transpose()
    }
}

accessors! {
    PyPlan in plan => welfare_plan::Plan;
    fields: [schema_version, id, title, edition, published, extensions];
    parts: [
        municipality, period, revisions, publishers, philosophy, help_model, overview, challenges,
        voices, levels, nodes, priority_projects, indicators, actors, sub_plans, districts, bases,
        evaluation, sources,
    ];
    refs: [];
    {
        /// Builds a plan from its fields as keyword arguments, each as plain data or this
        /// package's objects (`welfare_plan.types` has a `TypedDict` for every part), validated
        /// exactly as `loads` validates a document: raises `PlanError` with every issue, each at
        /// its path in the data.
        ///
        /// ```python
        /// plan = welfare_plan.Plan(schema_version="2.0", id="synthetic-town", title={"ja": "…"}, …)
        /// ```
        #[new]
        #[pyo3(signature = (**fields))]
        fn py_new(py: Python<'_>, fields: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
            let value = match fields {
                Some(f) => to_value(f.as_any())?,
                None => serde_json::Value::Object(Default::default()),
            };
            PyPlan::from_data(py, &value, &Limits::default())
        }

        /// Builds a plan from plain data (as `json.load` returns it, or a `welfare_plan.types`
        /// dict), validated exactly as `loads` validates text. The data goes to the core without
        /// being written as JSON text in Python, so `datetime.date` (`YYYY-MM-DD`) and
        /// `decimal.Decimal` values are taken, and every issue points at its path in the data
        /// (no line or column: there is no text).
        ///
        /// Raises `PlanError` when the data is not a valid plan, and `TypeError` naming the path
        /// of a value that is not plan data (such as a set).
        ///
        /// ```python
        /// plan = welfare_plan.Plan.from_dict(json.load(open("plan.json", encoding="utf-8")))
        /// ```
        #[staticmethod]
        #[pyo3(signature = (data, limits = None))]
        fn from_dict(
            py: Python<'_>,
            data: &Bound<'_, PyAny>,
            limits: Option<&Bound<'_, PyAny>>,
        ) -> PyResult<Self> {
            let limits = resolve(limits)?;
            let value = to_value(data)?;
            PyPlan::from_data(py, &value, &limits)
        }

        /// A copy of the plan with the given top-level fields replaced (as keyword arguments,
        /// like `Plan(...)` takes them), validated again: raises `PlanError` if the changed plan
        /// is not valid. The plan itself never changes.
        ///
        /// ```python
        /// second = plan.replace(edition=2, published="2026-04")
        /// ```
        #[pyo3(signature = (**changes))]
        fn replace(&self, py: Python<'_>, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
            self.changed(py, "", changes)
        }

        /// A copy of the plan with fields of one part replaced: the part is a view of this plan
        /// (`plan.node("g1")`) or its JSON Pointer (`"/nodes/0"`); `None` removes an optional
        /// field. Validated again; raises `PlanError` if the changed plan is not valid, and
        /// `ValueError` if the pointer leads to no part.
        ///
        /// ```python
        /// renamed = plan.replace_part(plan.nodes[0], title={"ja": "ひとづくり"})
        /// assert renamed.nodes[0].title.ja == "ひとづくり" and plan.nodes[0].title.ja != "ひとづくり"
        /// ```
        #[pyo3(signature = (part, /, **changes))]
        fn replace_part(
            &self,
            py: Python<'_>,
            part: &Bound<'_, PyAny>,
            changes: Option<&Bound<'_, PyDict>>,
        ) -> PyResult<Self> {
            let pointer: String = match part.extract::<String>() {
                Ok(p) => p,
                Err(_) => part.getattr("path")?.extract()?,
            };
            self.changed(py, &pointer, changes)
        }

        /// The plan in Jupyter: its title, period and tree as a compact HTML table.
        fn _repr_html_(&self, py: Python<'_>) -> String {
            let plan = &self.plan;
            py.detach(|| summary_html(plan))
        }

        /// Canonical JSON in the current format (2.0, whatever version was read), byte for
        /// byte what `welfare-plan export` writes: fields in the format's order, two-space
        /// indentation, UTF-8, a trailing newline.
        ///
        /// ```python
        /// assert welfare_plan.loads(plan.to_json()).to_json() == plan.to_json()
        /// ```
        fn to_json<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
            let plan = &self.plan;
            let text = py.detach(|| plan.to_canonical_json());
            PyString::new(py, &text)
        }

        /// The same canonical JSON as `to_json`, named as `json.dumps` is, beside `loads`.
        fn dumps<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
            self.to_json(py)
        }

        /// Writes canonical JSON to a path (UTF-8) or to a text file object's `write`.
        fn dump(&self, py: Python<'_>, target: &Bound<'_, PyAny>) -> PyResult<()> {
            let plan = &self.plan;
            let text = py.detach(|| plan.to_canonical_json());
            if target.hasattr("write")? {
                target.call_method1("write", (text,))?;
                return Ok(());
            }
            let path: PathBuf = target.extract()?;
            py.detach(|| std::fs::write(&path, text.as_bytes()))?;
            Ok(())
        }

        /// The plan as plain data (dicts and lists), in the format's field order.
        fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_python(py, &**self.plan)
        }

        /// One flat dict per initiative, whatever the plan's depth: the ids, labels and titles
        /// of the nodes above it (tuples, top first), its level, id, number, label, titles and
        /// priority, the help sectors it involves, and the ids and names of its actors and
        /// challenges (tuples). With `join` (such as `"、"`), every such column is one `str` with
        /// its items joined, as a spreadsheet cell holds it (`welfare_plan.write_csv` does this).
        ///
        /// ```python
        /// frame = pandas.DataFrame(plan.to_records())
        /// sheet = pandas.DataFrame(plan.to_records(join="、"))
        /// ```
        #[pyo3(signature = (*, join = None))]
        fn to_records<'py>(&self, py: Python<'py>, join: Option<&'py str>) -> PyResult<Bound<'py, PyList>> {
            crate::records::to_python(py, &self.plan, join)
        }

        /// Runs every rule again and returns all issues (errors and warnings); a loaded plan has
        /// no errors, so this lists its warnings. Issues found here carry no line or column.
        #[pyo3(signature = (limits = None))]
        fn validate(&self, py: Python<'_>, limits: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<PyIssue>> {
            let limits = resolve(limits)?;
            let plan = &self.plan;
            Ok(wrap(py.detach(|| validate_with(plan, &limits))))
        }

        /// The warnings found when the plan was loaded (such as a challenge no initiative
        /// addresses); warnings never stop a plan from loading.
        #[getter]
        fn warnings(&self) -> Vec<PyIssue> {
            self.warnings.iter().cloned().map(PyIssue).collect()
        }

        /// The plan as a readable text tree in `lang` (`"ja"` or `"en"`), as `welfare-plan show`
        /// prints it.
        #[pyo3(signature = (lang = "ja"))]
        fn render(&self, lang: &str) -> PyResult<String> {
            Ok(render::tree(&self.plan, self::lang(lang)?))
        }

        /// The plan as one self-contained HTML page in `lang` (inline CSS and SVG, no script,
        /// print-ready on A4), as `welfare-plan report --format html` writes it; given
        /// `progress` (from `plan.evaluate(reports)`), with each indicator's trend chart, the
        /// grade tables and the roll-ups.
        #[pyo3(signature = (progress = None, lang = "ja"))]
        fn to_html(&self, py: Python<'_>, progress: Option<&Bound<'_, PyProgress>>, lang: &str) -> PyResult<String> {
            let lang = self::lang(lang)?;
            let progress = evaluated_here(&self.plan, progress)?;
            let plan = &self.plan;
            Ok(py.detach(|| welfare_plan::publish::html(plan, progress.as_ref().map(|p| &p.progress), lang)))
        }

        /// The plan as an xlsx workbook (bytes): a sheet per table, headings in `lang`, drop-down
        /// lists for codes, as `welfare-plan export --format xlsx` writes it. With `year`, the
        /// blank evaluation workbook of that fiscal year instead, every indicator and node
        /// listed with the columns to fill.
        #[pyo3(signature = (lang = "ja", year = None))]
        fn to_xlsx<'py>(&self, py: Python<'py>, lang: &str, year: Option<i32>) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
            let lang = self::lang(lang)?;
            let plan = &self.plan;
            let book = py
                .detach(|| match year {
                    Some(y) => {
                        let blank = welfare_plan::sheet::blank_report(plan, welfare_plan::FiscalYear(y));
                        welfare_plan::sheet::report_xlsx(plan, &blank, lang)
                    }
                    None => welfare_plan::sheet::plan_xlsx(plan, lang),
                })
                .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
            Ok(pyo3::types::PyBytes::new(py, &book))
        }

        /// The plan as CSV files, one per table, by file name (`{plan id}.{table}.csv`): UTF-8
        /// text beginning with a BOM, so that Excel in Japanese opens it as written.
        #[pyo3(signature = (lang = "ja"))]
        fn to_csv(&self, py: Python<'_>, lang: &str) -> PyResult<std::collections::BTreeMap<String, String>> {
            let lang = self::lang(lang)?;
            let plan = &self.plan;
            Ok(py.detach(|| welfare_plan::sheet::csv_tables(plan, lang).into_iter().collect()))
        }

        /// The open-data CSV of the plan's nodes and indicators (全国地方公共団体コード, ID,
        /// 地方公共団体名, …), as `welfare-plan export --format opendata-csv` writes it.
        fn to_opendata_csv(&self, py: Python<'_>) -> String {
            let plan = &self.plan;
            py.detach(|| welfare_plan::sheet::opendata_csv(plan))
        }

        /// The same content as GitHub-flavoured Markdown (tables, no charts), as
        /// `welfare-plan report --format md` writes it.
        #[pyo3(signature = (progress = None, lang = "ja"))]
        fn to_markdown(
            &self,
            py: Python<'_>,
            progress: Option<&Bound<'_, PyProgress>>,
            lang: &str,
        ) -> PyResult<String> {
            let lang = self::lang(lang)?;
            let progress = evaluated_here(&self.plan, progress)?;
            let plan = &self.plan;
            Ok(py.detach(|| welfare_plan::publish::markdown(plan, progress.as_ref().map(|p| &p.progress), lang)))
        }

        /// The level the plan calls its initiatives (取り組み): the one `initiative_level`
        /// names, or the deepest.
        #[getter]
        fn initiative_level<'py>(&self, py: Python<'py>) -> PyValue<'py> {
            let depth = self.plan.initiative_depth();
            self.plan.level(depth).ok_or_else(gone)?;
            welfare_plan::Level::view(py, &self.plan, child(&[], "levels", Some(depth)))
        }

        /// Every node of the plan's tree, at every level, in document order (a parent before
        /// its children).
        fn all_nodes<'py>(&self, py: Python<'py>) -> PyViews<'py> {
            node_views(py, &self.plan, self.plan.all_nodes())
        }

        /// The nodes of the level with id `level` (such as `"goal"`), in document order. Raises
        /// `UnknownNameError` (a `ValueError`) for a level the plan does not have.
        ///
        /// ```python
        /// targets = plan.nodes_at_level("target")
        /// ```
        fn nodes_at_level<'py>(&self, py: Python<'py>, level: &str) -> PyViews<'py> {
            let depth = self.plan.level_depth(level).map_err(|e| unknown_name_error(py, &e))?;
            node_views(py, &self.plan, self.plan.nodes_at_depth(depth))
        }

        /// Every initiative: the nodes of the plan's initiative level, in document order.
        fn initiatives<'py>(&self, py: Python<'py>) -> PyViews<'py> {
            node_views(py, &self.plan, self.plan.initiatives())
        }

        /// The initiatives in which some actor takes part in `sector`: a code of the plan's
        /// help model (`mutual_help`) or a sector's label (共助). Raises `UnknownNameError` (a
        /// `ValueError`) for a sector the model does not have.
        ///
        /// ```python
        /// assert plan.initiatives_in_sector("共助") == plan.initiatives_in_sector("mutual_help")
        /// ```
        fn initiatives_in_sector<'py>(&self, py: Python<'py>, sector: &str) -> PyViews<'py> {
            let code = self.sector_code(py, sector)?;
            node_views(py, &self.plan, self.plan.initiatives_in_sector(code))
        }

        /// The initiatives that address the challenge `challenge_id`.
        fn initiatives_addressing<'py>(&self, py: Python<'py>, challenge_id: &str) -> PyViews<'py> {
            node_views(py, &self.plan, self.plan.initiatives_addressing(challenge_id))
        }

        /// The code of the sector `name` means in this plan: a code of its help model, or a
        /// sector's Japanese or English label. Raises `UnknownNameError` (a `ValueError`) naming
        /// the plan's sectors.
        ///
        /// ```python
        /// assert plan.sector_code("共助") == "mutual_help"
        /// ```
        fn sector_code(&self, py: Python<'_>, name: &str) -> PyResult<&str> {
            self.plan.sector_code(name).map_err(|e| unknown_name_error(py, &e))
        }

        /// Evaluates the plan over its progress reports (進行管理), each a `ProgressReport` read
        /// against this plan (`loads_report(document, plan)`): every indicator's yearly series
        /// with its achievement, status and grades, and every node's and help sector's grades,
        /// computed beside the ones entered by hand. Raises `ValueError` for a report read
        /// against another plan, or without one.
        ///
        /// ```python
        /// progress = plan.evaluate(welfare_plan.load_report(p, plan) for p in paths)
        /// ```
        fn evaluate(slf: &Bound<'_, Self>, reports: &Bound<'_, PyAny>) -> PyResult<PyProgress> {
            evaluate_reports(slf.py(), slf, reports)
        }

        /// The node, challenge, actor, publisher or district with id `id`, or `None`.
        ///
        /// ```python
        /// goal = plan.part("g1")
        /// ```
        fn part<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
            match self.plan.part(id) {
                Some(at) => view_at(py, &self.plan, part_loc(at)),
                None => Ok(None),
            }
        }

        /// The node with id `id` (at any level, or in a district's plan), or `None`.
        fn node<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
            self.find::<welfare_plan::Node>(py, id)
        }

        /// The challenge with id `id` (the plan's or a district's), or `None`.
        fn challenge<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
            self.find::<welfare_plan::Challenge>(py, id)
        }

        /// The actor with id `id`, or `None`.
        fn actor<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
            self.find::<welfare_plan::Actor>(py, id)
        }

        /// The publisher with id `id`, or `None`.
        fn publisher<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
            self.find::<welfare_plan::Publisher>(py, id)
        }

        /// The district with id `id`, or `None`.
        fn district<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
            self.find::<welfare_plan::District>(py, id)
        }

        /// Pickles the plan as its canonical JSON and the warnings found when it was loaded;
        /// unpickling parses and validates the JSON again with the core.
        ///
        /// ```python
        /// with concurrent.futures.ProcessPoolExecutor() as pool:
        ///     titles = list(pool.map(title_of, [plan_a, plan_b]))
        /// ```
        fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
            reduce_plan(py, &self.plan, &self.warnings)
        }

        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            Ok(format!(
                "Plan(id={}, title={}, levels={}, initiatives={})",
                py_repr(py, self.plan.id.as_str())?,
                py_repr(py, &self.plan.title.ja)?,
                self.plan.levels.len(),
                self.plan.initiatives().count()
            ))
        }
    }
}

/// The evaluation `progress` holds, when it evaluates `plan` (the same plan, or an equal one).
fn evaluated_here(
    plan: &Arc<SharedPlan>,
    progress: Option<&Bound<'_, PyProgress>>,
) -> PyResult<Option<Arc<SharedProgress>>> {
    let Some(progress) = progress else { return Ok(None) };
    let shared = &progress.get().progress;
    if Arc::ptr_eq(&shared.plan, plan) || *shared.plan == **plan {
        Ok(Some(Arc::clone(shared)))
    } else {
        Err(bad_argument(
            "the progress evaluates another plan; pass the result of this plan's evaluate(reports)"
                .to_owned(),
        ))
    }
}

impl PyPlan {
    /// A copy of the plan with the fields of the part at `pointer` set to `changes` (`None`
    /// removes a field), checked again by the core.
    fn changed(&self, py: Python<'_>, pointer: &str, changes: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let mut doc = serde_json::to_value(&**self.plan).map_err(|e| bad_argument(e.to_string()))?;
        let part = doc
            .pointer_mut(pointer)
            .and_then(serde_json::Value::as_object_mut)
            .ok_or_else(|| bad_argument(format!("`{pointer}` leads to no part of the plan")))?;
        if let Some(changes) = changes {
            for (key, value) in changes.iter() {
                let key: String = key.extract()?;
                if value.is_none() {
                    part.remove(&key);
                } else {
                    let value = to_value_at(&value, &format!("{pointer}/{key}"))?;
                    part.insert(key, value);
                }
            }
        }
        PyPlan::from_data(py, &doc, &Limits::default())
    }
}

/// A compact HTML summary for notebooks: the title, municipality and period, then the plan's
/// tree as a table (label and title of every node, indented by depth), each text escaped.
fn summary_html(plan: &Plan) -> String {
    use welfare_plan::publish::escape::html as esc;
    let period = &plan.period;
    let years = match (
        welfare_plan::era::era_label(period.start_fiscal_year.0),
        welfare_plan::era::era_label(period.end_fiscal_year.0),
    ) {
        (Ok(a), Ok(b)) => format!("{a}～{b}"),
        _ => format!("FY{}–FY{}", period.start_fiscal_year.0, period.end_fiscal_year.0),
    };
    let levels: Vec<String> = plan.levels.iter().map(|l| esc(&l.name.ja)).collect();
    let mut out = format!(
        "<div class=\"welfare-plan\"><strong>{}</strong><br><small>{} · {} · {}</small>\
         <table><thead><tr><th>{}</th><th>タイトル</th></tr></thead><tbody>",
        esc(&plan.title.ja),
        esc(&plan.municipality.name.ja),
        esc(&years),
        levels.join(" → "),
        levels.first().cloned().unwrap_or_default(),
    );
    for node in plan.all_nodes() {
        let indent = node.at.depth() * 2;
        out.push_str(&format!(
            "<tr><td style=\"text-align:left;padding-left:{indent}em\">{}</td><td style=\"text-align:left\">{}</td></tr>",
            esc(&plan.label_in(node.at, welfare_plan::Lang::Ja)),
            esc(&node.node.title.ja),
        ));
    }
    out.push_str("</tbody></table></div>");
    out
}
