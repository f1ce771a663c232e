//! `schema_version.unsupported`: the document is in a format version this library cannot read.

use crate::error::{Issue, IssueCode, Path};
use crate::model::{SCHEMA_VERSION, SUPPORTED_SCHEMA_VERSIONS};
use crate::preview;
use crate::validate::{Context, Rule};

pub struct SchemaVersion;

impl Rule for SchemaVersion {
    fn name(&self) -> &'static str {
        "schema_version"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::UnsupportedVersion]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        let v = cx.plan.schema_version.as_str();
        // A 1.0 document is upgraded before it is parsed, so a parsed plan says 2.0; one that
        // says anything else is a 2.0 document with a wrong version, or a future one.
        if v != SCHEMA_VERSION {
            let supported = SUPPORTED_SCHEMA_VERSIONS.join("`, `");
            out.push(Issue::new(
                IssueCode::UnsupportedVersion,
                Path::root().key("schema_version"),
                format!(
                    "schema version `{}` is not supported; this library reads `{supported}` (1.0 documents are upgraded to {SCHEMA_VERSION})",
                    preview(v)
                ),
                format!(
                    "スキーマバージョン `{}` には対応していません（対応: `{supported}`。1.0は{SCHEMA_VERSION}に変換して読みます）",
                    preview(v)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::testing::*;

    #[test]
    fn a_future_major_version_is_refused() {
        let mut p = plan();
        p.schema_version = "3.0".into();
        assert_eq!(
            found(&p),
            expect(&[("schema_version.unsupported", "/schema_version")])
        );
    }
}
