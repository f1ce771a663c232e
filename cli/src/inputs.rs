//! The files a command was given: paths, `-` for standard input, directories (every `*.json`
//! under them, in name order) and quoted globs (`'plans/*.json'`, expanded here so that they
//! work the same in every shell and in CI).

use std::path::Path;

use crate::words::Words;

/// One input of a command: a file to read, or an argument that named none, with why.
#[derive(Debug, PartialEq, Eq)]
pub enum Input {
    /// A file path, or `-` for standard input.
    File(String),
    /// An argument that names no file: a missing path, or a glob that matches nothing.
    Missing { arg: String, reason: Words },
}

/// Every input `args` name, in the order given; a directory or glob expands in name order.
pub fn expand(args: &[String]) -> Vec<Input> {
    let mut out = Vec::new();
    for arg in args {
        if arg == "-" {
            out.push(Input::File(arg.clone()));
        } else if Path::new(arg).is_dir() {
            let mut found = Vec::new();
            json_files(Path::new(arg), &mut found);
            found.sort();
            if found.is_empty() {
                out.push(missing(
                    arg,
                    Words::new(
                        "the directory holds no .json file",
                        "ディレクトリに .json ファイルがありません",
                    ),
                ));
            }
            out.extend(found.into_iter().map(Input::File));
        } else if arg.contains(['*', '?', '[']) && !Path::new(arg).exists() {
            match glob::glob(arg) {
                Ok(paths) => {
                    let mut found: Vec<String> = paths
                        .filter_map(Result::ok)
                        .filter(|p| p.is_file())
                        .map(|p| p.to_string_lossy().into_owned())
                        .collect();
                    found.sort();
                    if found.is_empty() {
                        out.push(missing(
                            arg,
                            Words::new(
                                "the pattern matches no file",
                                "パターンに合うファイルがありません",
                            ),
                        ));
                    }
                    out.extend(found.into_iter().map(Input::File));
                }
                Err(e) => out.push(missing(
                    arg,
                    Words::new(
                        format!("not a valid pattern: {e}"),
                        format!("パターンとして読めません（{e}）"),
                    ),
                )),
            }
        } else {
            out.push(Input::File(arg.clone()));
        }
    }
    out
}

fn missing(arg: &str, reason: Words) -> Input {
    Input::Missing {
        arg: arg.to_owned(),
        reason,
    }
}

/// Every `*.json` file under `dir`, at any depth (hidden entries skipped).
fn json_files(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
            out.push(path.to_string_lossy().into_owned());
        }
    }
}
