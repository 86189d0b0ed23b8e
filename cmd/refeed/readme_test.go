package main

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/refeed/refeed/fetch"
)

var updateREADME = flag.Bool("update-readme", false, "rewrite README.md's usage lines, flags and exit codes from the code")

const readmePath = "../../README.md"

// TestREADMEMatchesTheFlags fails when README.md and the flags drift
// apart: every command's row in the Commands table must start with its
// usage line, every flag, and the Flags and Exit codes tables must be
// what the code defines. After changing a flag, run
//
//	go test ./cmd/refeed -run TestREADME -update-readme
//
// and read the diff.
func TestREADMEMatchesTheFlags(t *testing.T) {
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	want := readmeFromCode(t, readme)
	if *updateREADME {
		if err := os.WriteFile(readmePath, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if readme == want {
		return
	}
	for _, c := range commands() {
		line := "| `" + mdEscape(usageLine(&c, flagsOf(&c))) + "` |"
		if !strings.Contains(readme, "\n"+line) {
			t.Errorf("README.md's Commands table has no row starting\n%s", line)
		}
		flagsOf(&c).VisitAll(func(f *flag.Flag) {
			if !strings.Contains(readme, "| `--"+f.Name) {
				t.Errorf("README.md's Flags table lacks refeed %s --%s", c.name, f.Name)
			}
		})
	}
	t.Errorf("README.md is out of step with the flags or exit codes; run go test ./cmd/refeed -run TestREADME -update-readme")
}

// readmeFromCode returns readme with the commands' usage lines, the
// Flags table and the Exit codes table rewritten from the code.
func readmeFromCode(t *testing.T, readme string) string {
	t.Helper()
	for _, c := range commands() {
		row := regexp.MustCompile("(?m)^\\| `refeed " + regexp.QuoteMeta(c.name) + "( [^`]*)?` \\|")
		if !row.MatchString(readme) {
			t.Fatalf("README.md's Commands table has no row for %s", c.name)
		}
		cell := "| `" + mdEscape(usageLine(&c, flagsOf(&c))) + "` |"
		readme = row.ReplaceAllLiteralString(readme, cell)
	}
	readme = replaceBlock(t, readme, "flags", flagsTable())
	return replaceBlock(t, readme, "exit codes", exitCodesTable())
}

// replaceBlock replaces the text between "<!-- begin NAME -->" and
// "<!-- end NAME -->".
func replaceBlock(t *testing.T, readme, name, body string) string {
	t.Helper()
	begin, end := "<!-- begin "+name+" (from the code: see cmd/refeed/readme_test.go) -->\n", "<!-- end "+name+" -->"
	i, j := strings.Index(readme, begin), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q and %q", begin, end)
	}
	return readme[:i+len(begin)] + body + readme[j:]
}

// flagsTable lists every flag of every command once: a flag several
// commands define alike is one row naming them all.
func flagsTable() string {
	type row struct{ flag, usage, def string }
	var rows []row
	users := map[row][]string{}
	for _, c := range commands() {
		for _, f := range orderedFlags(flagsOf(&c)) {
			r := row{flag: "--" + f.Name, usage: strings.ReplaceAll(f.Usage, "`", "")}
			if v := valueName(f); v != "" {
				r.flag += " " + v
			}
			if hasDefault(f) {
				r.def = "`" + f.DefValue + "`"
			}
			if users[r] == nil {
				rows = append(rows, r)
			}
			users[r] = append(users[r], c.name)
		}
	}
	var b strings.Builder
	b.WriteString("| flag | commands | default | what it does |\n|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.flag, strings.Join(users[r], ", "), r.def, mdEscape(r.usage))
	}
	return b.String()
}

func exitCodesTable() string {
	var b strings.Builder
	b.WriteString("| code | meaning |\n|---|---|\n")
	for _, e := range exitCodes {
		fmt.Fprintf(&b, "| %d | %s |\n", e.code, mdEscape(e.meaning))
	}
	return b.String()
}

// mdEscape escapes | for a Markdown table cell.
func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// TestHelpListsEveryFlag checks that each command's --help shows its
// usage line with every flag and spells each flag --name, as the usage
// line and README.md do.
func TestHelpListsEveryFlag(t *testing.T) {
	for _, c := range commands() {
		_, _, help := runMain(t, c.name, "--help")
		usage, _, _ := strings.Cut(help, "\n")
		n := 0
		flagsOf(&c).VisitAll(func(f *flag.Flag) {
			n++
			if !strings.Contains(usage+" ", " [--"+f.Name+" ") && !strings.Contains(usage, " [--"+f.Name+"]") {
				t.Errorf("refeed %s --help: usage line lacks --%s:\n%s", c.name, f.Name, usage)
			}
			if !strings.Contains(help, "\n  --"+f.Name) {
				t.Errorf("refeed %s --help does not list --%s", c.name, f.Name)
			}
			if strings.Contains(help, "\n  -"+f.Name) {
				t.Errorf("refeed %s --help spells -%s with one dash", c.name, f.Name)
			}
		})
		if n == 0 {
			t.Errorf("refeed %s: no flags found", c.name)
		}
		for _, e := range exitCodes {
			if !strings.Contains(help, fmt.Sprintf("\n  %d  %s", e.code, e.meaning)) {
				t.Errorf("refeed %s --help does not explain exit code %d", c.name, e.code)
			}
		}
	}
}

// TestREADMEUserAgent checks that the README states the one default
// User-Agent, fetch's, which the config and extract also use.
func TestREADMEUserAgent(t *testing.T) {
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	if row := "| `user_agent` | `" + fetch.DefaultUserAgent + "` |"; !strings.Contains(string(data), row) {
		t.Errorf("README.md's configuration table lacks %q", row)
	}
	if got := flagsOf(findCommand("extract")).Lookup("user-agent").DefValue; got != fetch.DefaultUserAgent {
		t.Errorf("extract --user-agent defaults to %q, want fetch.DefaultUserAgent %q", got, fetch.DefaultUserAgent)
	}
}
