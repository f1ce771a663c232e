"""scripts/municipality-codes: the committed list, written out as 総務省's sheet is saved as CSV
(Japanese headings with line breaks, codes as numbers without their leading zero, kana columns),
is read back into the very same file; and lists it must refuse are refused.

    python3 -m unittest discover -s tests/codelist    (a step of scripts/test)
"""
import csv
import importlib.machinery
import importlib.util
import io
import pathlib
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
_loader = importlib.machinery.SourceFileLoader("municipality_codes", str(ROOT / "scripts" / "municipality-codes"))
_spec = importlib.util.spec_from_loader("municipality_codes", _loader)
assert _spec is not None
gen = importlib.util.module_from_spec(_spec)
_loader.exec_module(gen)

COMMITTED = (ROOT / "core" / "data" / "municipality-codes.tsv").read_text("utf-8")
HEADER = [line for line in COMMITTED.splitlines() if line.startswith("#")]
ENTRIES = [line.split("\t") for line in COMMITTED.splitlines() if not line.startswith("#")]
AS_OF = next(line for line in HEADER if line.startswith("# as-of: ")).removeprefix("# as-of: ")


def soumu_csv(entries):
    """`entries` as the 総務省 sheet saved as CSV: a prefecture's own row has no municipality."""
    prefecture = {code[:2]: name for code, name in entries if code[2:5] == "000"}
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["団体コード", "都道府県名\n（漢字）", "市区町村名\n（漢字）", "都道府県名\n（カナ）", "市区町村名\n（カナ）"])
    for code, name in entries:
        own = code[2:5] == "000"
        w.writerow([str(int(code)), prefecture[code[:2]], "" if own else name, "ｶﾅ", "" if own else "ｶﾅ"])
    return out.getvalue()


class Generator(unittest.TestCase):
    def test_the_soumu_sheet_gives_back_the_committed_entries(self):
        out = gen.build(soumu_csv(ENTRIES), "a test", AS_OF)
        body = [line for line in out.splitlines() if not line.startswith("#")]
        self.assertEqual(body, ["\t".join(e) for e in ENTRIES])
        self.assertIn(f"# as-of: {AS_OF}", out)

    def refused(self, entries):
        with self.assertRaises(SystemExit):
            gen.build(soumu_csv(entries), "a test", AS_OF)

    def test_a_wrong_check_digit_is_refused(self):
        code, name = ENTRIES[1]
        wrong = code[:5] + str((int(code[5]) + 1) % 10)
        self.refused([e if e[0] != code else [wrong, name] for e in ENTRIES])

    def test_a_missing_prefecture_is_refused(self):
        self.refused([e for e in ENTRIES if not e[0].startswith("47")])

    def test_a_code_of_the_synthetic_range_is_refused(self):
        self.refused(ENTRIES + [["409014", "架空町"]])

    def test_a_heading_it_does_not_know_is_refused(self):
        with self.assertRaises(SystemExit):
            gen.build("code,prefecture,name\n011002,北海道,札幌市\n", "a test", AS_OF)


if __name__ == "__main__":
    unittest.main()
