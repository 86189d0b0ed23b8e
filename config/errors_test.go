package config_test

import (
	"strings"
	"testing"

	"github.com/refeed/refeed/config"
)

// tail completes a config whose first lines are under test.
const tail = "sources: [{name: a, url: \"https://a.example/\"}]\nfeeds: [{name: f, sources: [a]}]\n"

// feedsTail completes a config whose sources are under test.
const feedsTail = "feeds: [{name: f, sources: [a]}]\n"

// sourcesHead starts a config whose feeds are under test.
const sourcesHead = "sources:\n  - {name: a, url: \"https://a.example/\"}\n  - {name: buratha, url: \"https://burathanews.com/rss.php\"}\n"

func TestParseConfig_Errors(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		// Unknown keys, at every level, with suggestions when close.
		{"unknown top key", "intervl: 30m\n" + tail,
			[]string{`sources.yaml:1: intervl: unknown key (did you mean "interval"?)`}},
		{"unknown top key, nothing close", "colour: red\n" + tail,
			[]string{`sources.yaml:1: colour: unknown key`}},
		{"unknown source key", "sources:\n  - name: a\n    url: https://a.example/\n    fulltxt: true\n" + feedsTail,
			[]string{`sources.yaml:4: sources[0].fulltxt: unknown key (did you mean "fulltext"?)`}},
		{"unknown extract key", "sources:\n  - name: a\n    url: https://a.example/\n    extract: {bdy: div}\n" + feedsTail,
			[]string{`sources.yaml:4: sources[0].extract.bdy: unknown key (did you mean "body"?)`}},
		{"unknown feed key", sourcesHead + "feeds:\n  - name: f\n    titel: x\n    sources: [a]\n",
			[]string{`sources.yaml:6: feeds[0].titel: unknown key (did you mean "title"?)`}},
		{"unknown site_rules key", "site_rules: {folder: x}\n" + tail,
			[]string{`sources.yaml:1: site_rules.folder: unknown key`}},
		{"site_rules dir missing", "site_rules:\n  dir: /no/such/rules\n" + tail,
			[]string{`sources.yaml:2: site_rules.dir: /no/such/rules is not a folder`}},
		{"key given twice", "timeout: 1s\ntimeout: 2s\n" + tail,
			[]string{`sources.yaml:2: timeout: key given twice (first at line 1)`}},

		// Missing values.
		{"missing name and url", "sources:\n  - language: ar\n" + feedsTail,
			[]string{
				`sources.yaml:2: sources[0].name: missing`,
				`sources.yaml:2: sources[0].url: missing`,
				`sources.yaml:3: feeds[0].sources[0]: unknown source "a"`,
			}},
		{"null url", "sources:\n  - name: a\n    url:\n" + feedsTail,
			[]string{`sources.yaml:3: sources[0].url: want a string, got nothing`}},
		{"feed without sources", sourcesHead + "feeds:\n  - name: f\n",
			[]string{`sources.yaml:5: feeds[0].sources: missing: name at least one source`}},
		{"no sources or feeds", "output: out\n",
			[]string{`sources.yaml: sources: at least one source is required`, `sources.yaml: feeds: at least one feed is required`}},
		{"empty file", "",
			[]string{`sources.yaml:1: empty config: want at least sources and feeds`}},

		// References between sections.
		{"unknown source with suggestion", sourcesHead + "feeds:\n  - name: f\n    sources: [a, burata]\n",
			[]string{`sources.yaml:6: feeds[0].sources[1]: unknown source "burata" (did you mean "buratha"?)`}},
		{"every source, not alone", sourcesHead + "feeds:\n  - name: f\n    sources: [a, '*']\n",
			[]string{`sources.yaml:6: feeds[0].sources[1]: "*" stands for every source and must be alone in the list`}},
		{"source listed twice", sourcesHead + "feeds:\n  - name: f\n    sources: [a, a]\n",
			[]string{`sources.yaml:6: feeds[0].sources[1]: source "a" listed twice`}},

		// URLs.
		{"ftp url", "sources:\n  - name: a\n    url: ftp://a.example/rss\n" + feedsTail,
			[]string{`sources.yaml:3: sources[0].url: invalid URL "ftp://a.example/rss": want an absolute http or https URL`}},
		{"relative url", "sources:\n  - name: a\n    url: /rss.php\n" + feedsTail,
			[]string{`sources.yaml:3: sources[0].url: invalid URL "/rss.php": want an absolute http or https URL`}},
		{"bad feed link and icon", sourcesHead + "feeds:\n  - name: f\n    link: example.org\n    icon: 'http://'\n    sources: [a]\n",
			[]string{
				`sources.yaml:6: feeds[0].link: invalid URL "example.org": want an absolute http or https URL`,
				`sources.yaml:7: feeds[0].icon: invalid URL "http://": want an absolute http or https URL`,
			}},
		{"bad base_url", "base_url: example.org/feeds\n" + tail,
			[]string{`sources.yaml:1: base_url: invalid URL "example.org/feeds": want an absolute http or https URL`}},

		// Networks.
		{"bad allow_networks", "allow_networks: [10.0.0.0/8, 192.168.1, {a: b}]\n" + tail,
			[]string{
				`sources.yaml:1: allow_networks[1]: invalid network "192.168.1" (want CIDR such as "192.168.1.0/24" or an address such as "10.0.0.5")`,
				`sources.yaml:1: allow_networks[2]: want a network, got a mapping`,
			}},

		// Durations and sizes.
		{"bad duration", "sources:\n  - {name: x, url: 'https://x.example/'}\n  - {name: y, url: 'https://y.example/'}\n" +
			"  - {name: z, url: 'https://z.example/'}\n  - name: a\n    url: https://a.example/\n    interval: 3x\n" + feedsTail,
			[]string{`sources.yaml:7: sources[3].interval: invalid duration "3x" (want e.g. "30m", "2h" or "1d")`}},
		{"duration without unit", "timeout: 20\n" + tail,
			[]string{`sources.yaml:1: timeout: invalid duration "20" (want e.g. "30m", "2h" or "1d")`}},
		{"interval below minimum", "interval: 30s\n" + tail,
			[]string{`sources.yaml:1: interval: must be at least 1m0s, got 30s`}},
		{"negative durations", "host_delay: -1s\n" + sourcesHead + "feeds: [{name: f, sources: [a], max_age: -1h}]\n",
			[]string{`sources.yaml:1: host_delay: must not be negative, got -1s`, `sources.yaml:5: feeds[0].max_age: must not be negative, got -1h0m0s`}},
		{"bad days", sourcesHead + "feeds: [{name: f, sources: [a], max_age: 1.5d}]\n",
			[]string{`sources.yaml:4: feeds[0].max_age: invalid duration "1.5d" (want e.g. "30m", "2h" or "1d")`}},
		{"bad size", "max_body: 10XB\n" + tail,
			[]string{`sources.yaml:1: max_body: invalid size "10XB" (want e.g. "10MiB", "512KB" or bytes)`}},
		{"negative size", "sources:\n  - name: a\n    url: https://a.example/\n    max_body: -5\n" + feedsTail,
			[]string{`sources.yaml:4: sources[0].max_body: invalid size "-5" (want e.g. "10MiB", "512KB" or bytes)`}},
		{"zero size", "max_body: 0\n" + tail,
			[]string{`sources.yaml:1: max_body: must be more than 0 bytes, got 0`}},

		// Names.
		{"duplicate source", "sources:\n  - {name: a, url: 'https://a.example/'}\n  - {name: a, url: 'https://b.example/'}\n" + feedsTail,
			[]string{`sources.yaml:3: sources[1].name: duplicate name "a" (first at line 2)`}},
		{"duplicate feed", sourcesHead + "feeds:\n  - {name: f, sources: [a]}\n  - {name: f, sources: [buratha]}\n",
			[]string{`sources.yaml:6: feeds[1].name: duplicate name "f" (first at line 5)`}},
		{"unsafe names", "sources:\n  - {name: Iraq News, url: 'https://a.example/'}\nfeeds:\n  - {name: ../etc, sources: [a]}\n  - {name: -x, sources: [a]}\n",
			[]string{
				`sources.yaml:2: sources[0].name: invalid name "Iraq News": use up to 64 of a-z, 0-9, _ and -, starting with a letter or digit`,
				`sources.yaml:4: feeds[0].name: invalid name "../etc": use up to 64 of a-z, 0-9, _ and -, starting with a letter or digit`,
				`sources.yaml:4: feeds[0].sources[0]: unknown source "a"`,
				`sources.yaml:5: feeds[1].name: invalid name "-x": use up to 64 of a-z, 0-9, _ and -, starting with a letter or digit`,
				`sources.yaml:5: feeds[1].sources[0]: unknown source "a"`,
			}},

		// Wrong types.
		{"string where a list belongs", sourcesHead + "feeds:\n  - name: f\n    sources: buratha\n",
			[]string{`sources.yaml:6: feeds[0].sources: want a list, got "buratha" (a string)`}},
		{"mapping where a list belongs", "sources: {a: 1}\n" + feedsTail,
			[]string{`sources.yaml:1: sources: want a list, got a mapping`, `sources.yaml:2: feeds[0].sources[0]: unknown source "a"`}},
		{"strip as a string", "sources:\n  - name: a\n    url: https://a.example/\n    extract: {strip: .share}\n" + feedsTail,
			[]string{`sources.yaml:4: sources[0].extract.strip: want a list, got ".share" (a string)`}},
		{"headers as a list", "sources:\n  - name: a\n    url: https://a.example/\n    headers: [Referer]\n" + feedsTail,
			[]string{`sources.yaml:4: sources[0].headers: want a mapping, got a list`}},
		{"quoted number", "concurrency: \"8\"\n" + tail,
			[]string{`sources.yaml:1: concurrency: want a whole number, got "8" (a string)`}},
		{"fraction", sourcesHead + "feeds: [{name: f, sources: [a], limit: 1.5}]\n",
			[]string{`sources.yaml:4: feeds[0].limit: want a whole number, got 1.5 (a number)`}},
		{"not a boolean", "robots: maybe\n" + tail,
			[]string{`sources.yaml:1: robots: want true or false, got "maybe" (a string)`}},
		{"list where a string belongs", "user_agent: [a, b]\n" + tail,
			[]string{`sources.yaml:1: user_agent: want a string, got a list`}},
		{"source not a mapping", "sources: [a]\n" + feedsTail,
			[]string{`sources.yaml:1: sources[0]: want a mapping, got "a" (a string)`, `sources.yaml:2: feeds[0].sources[0]: unknown source "a"`}},
		{"top level not a mapping", "- a\n- b\n",
			[]string{`sources.yaml:1: want a mapping, got a list`}},

		// Numbers.
		{"negative numbers", "retries: -1\nconcurrency: -2\n" + tail,
			[]string{`sources.yaml:1: retries: must not be negative, got -1`, `sources.yaml:2: concurrency: must not be negative, got -2`}},
		{"zero per_host", "per_host: 0\n" + tail,
			[]string{`sources.yaml:1: per_host: must be at least 1, got 0`}},
		{"limit 0", sourcesHead + "feeds:\n  - name: f\n    sources: [a]\n    limit: 0\n",
			[]string{`sources.yaml:7: feeds[0].limit: must be at least 1, got 0`}},

		// Selectors, regexps, charsets, languages, headers.
		{"bad selectors", "sources:\n  - name: a\n    url: https://a.example/\n    extract:\n      body: 'div['\n      strip: ['.ok', 'p:nope']\n" + feedsTail,
			[]string{
				`sources.yaml:5: sources[0].extract.body: invalid CSS selector "div[": expected identifier, found EOF instead`,
				`sources.yaml:6: sources[0].extract.strip[1]: invalid CSS selector "p:nope": unknown pseudoclass or pseudoelement :nope`,
			}},
		{"bad regexps", "sources:\n  - name: a\n    url: https://a.example/\n    include: ['ok', '(']\n    exclude:\n      - '[a-'\n" + feedsTail,
			[]string{
				"sources.yaml:4: sources[0].include[1]: invalid regexp \"(\": missing closing )",
				"sources.yaml:6: sources[0].exclude[0]: invalid regexp \"[a-\": missing closing ]",
			}},
		{"unknown charset", "sources:\n  - name: a\n    url: https://a.example/\n    charset: win-1256\n" + feedsTail,
			[]string{`sources.yaml:4: sources[0].charset: unknown charset "win-1256" (want e.g. "windows-1256", "utf-8" or "iso-8859-6")`}},
		{"unknown time zones", "timezone: Asia/Bagdad\nsources:\n  - name: a\n    url: https://a.example/\n    timezone: '+03:00'\n" + feedsTail,
			[]string{
				`sources.yaml:1: timezone: unknown time zone "Asia/Bagdad" (want an IANA name such as "Asia/Baghdad" or "UTC")`,
				`sources.yaml:5: sources[0].timezone: unknown time zone "+03:00" (want an IANA name such as "Asia/Baghdad" or "UTC")`,
			}},
		{"bad fulltext", "sources:\n  - name: a\n    url: https://a.example/\n    fulltext: sometimes\n" + feedsTail,
			[]string{`sources.yaml:4: sources[0].fulltext: want true, false or auto, got "sometimes" (a string)`}},
		{"bad language", "sources:\n  - name: a\n    url: https://a.example/\n    language: arabic\n" + feedsTail,
			[]string{`sources.yaml:4: sources[0].language: invalid language tag "arabic" (want BCP 47, e.g. "ar")`}},
		{"bad header name", "sources:\n  - name: a\n    url: https://a.example/\n    headers:\n      'Bad Header': x\n" + feedsTail,
			[]string{`sources.yaml:5: sources[0].headers.Bad Header: invalid header name "Bad Header"`}},

		// Page sources.
		{"unknown type", "sources:\n  - name: a\n    url: https://a.example/\n    type: html\n" + feedsTail,
			[]string{`sources.yaml:4: sources[0].type: invalid type "html": want "feed" or "page"`}},
		{"links on a feed", "sources:\n  - name: a\n    url: https://a.example/\n    type: feed\n    links: li a\n" + feedsTail,
			[]string{`sources.yaml:5: sources[0].links: a listing page selector needs type "page", not "feed"`}},
		{"bad listing selectors", "sources:\n  - name: a\n    url: https://a.example/\n    links: 'li >'\n    link_title: 'h3:first'\n" + feedsTail,
			[]string{
				`sources.yaml:4: sources[0].links: invalid CSS selector "li >": expected selector, found EOF instead`,
				`sources.yaml:5: sources[0].link_title: invalid CSS selector "h3:first": unknown pseudoclass or pseudoelement :first`,
			}},
		{"link_title without links", "sources:\n  - name: a\n    url: https://a.example/\n    type: page\n    link_title: h3\n" + feedsTail,
			[]string{`sources.yaml:5: sources[0].link_title: needs links, the selector it is matched inside`}},
		{"misspelt link_title", "sources:\n  - name: a\n    url: https://a.example/\n    links: li a\n    link_titel: h3\n" + feedsTail,
			[]string{`sources.yaml:5: sources[0].link_titel: unknown key (did you mean "link_title"?)`}},
		{"type as a list", "sources:\n  - name: a\n    url: https://a.example/\n    type: [page]\n" + feedsTail,
			[]string{`sources.yaml:4: sources[0].type: want a string, got a list`}},

		// YAML itself.
		{"syntax error", "sources: [a\n" + feedsTail,
			[]string{`sources.yaml:1: a [list] opened here is not closed: separate its items with "," and end it with "]"`}},
		{"two documents", tail + "---\noutput: x\n",
			[]string{`sources.yaml:3: more than one YAML document`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := config.ParseConfig(strings.NewReader(tt.yaml), "sources.yaml")
			if err == nil {
				t.Fatalf("ParseConfig succeeded: %+v", c)
			}
			if c != nil {
				t.Errorf("ParseConfig returned a config with an error")
			}
			if got, want := err.Error(), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
