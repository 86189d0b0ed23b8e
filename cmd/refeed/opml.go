package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"time"
	"unicode/utf8"

	"github.com/refeed/refeed/config"
	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/opml"
)

func runExportOPML(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet(env, "export-opml")
	var common commonFlags
	common.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Errorf("export-opml: unexpected argument %q", fs.Arg(0))}
	}
	cfg, _, err := common.setup(env)
	if err != nil {
		return err
	}
	return opml.Write(env.stdout, sourcesOPML(cfg, time.Now()))
}

// sourcesOPML lists the configured sources as OPML. A feed source is a
// subscription (xmlUrl); a page source has no feed, so it is a plain link
// (htmlUrl) that a reader shows but cannot subscribe to.
func sourcesOPML(cfg *config.Config, now time.Time) *opml.Document {
	doc := &opml.Document{Title: "refeed sources", Created: now.UTC().Truncate(time.Second)}
	for _, src := range cfg.Sources {
		o := opml.Outline{Text: src.Name, Language: src.Language}
		if src.IsPage() {
			o.Type, o.HTMLURL = "link", src.URL
		} else {
			o.Type, o.XMLURL = "rss", src.URL
		}
		doc.Outlines = append(doc.Outlines, o)
	}
	return doc
}

func runImportOPML(ctx context.Context, env *env, args []string) error {
	flags := newFlagSet(env, "import-opml")
	configPath := flags.String("config", "sources.yaml", "path of the config `file`; created when missing")
	dryRun := flags.Bool("dry-run", false, "print what would be added without changing the config")
	if err := parseFlags(flags, args); err != nil {
		return err
	}
	if flags.NArg() != 1 {
		return &usageError{errors.New("import-opml: want exactly one OPML file")}
	}
	doc, err := readOPMLFile(flags.Arg(0))
	if err != nil {
		return err
	}
	old, err := os.ReadFile(*configPath)
	if err != nil && !errors.Is(err, iofs.ErrNotExist) {
		return fmt.Errorf("import-opml: %w", err)
	}
	plan, err := planImport(old, doc.Feeds())
	if err != nil {
		return fmt.Errorf("import-opml: %s: %w", *configPath, err)
	}
	if len(plan.added) == 0 {
		plan.report(env.stdout, *configPath, false)
		return nil
	}
	plan.created = len(bytes.TrimSpace(old)) == 0
	text, err := appendSources(old, plan.added, flags.Arg(0))
	if err != nil {
		return fmt.Errorf("import-opml: %s: %w", *configPath, err)
	}
	if err := checkImported(old, text, *configPath); err != nil {
		return err
	}
	if *dryRun {
		plan.report(env.stdout, *configPath, true)
		_, err := env.stdout.Write(text[len(old):])
		return err
	}
	if err := writeFileAtomic(*configPath, text); err != nil {
		return fmt.Errorf("import-opml: %w", err)
	}
	plan.report(env.stdout, *configPath, false)
	return nil
}

func readOPMLFile(path string) (*opml.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &usageError{fmt.Errorf("import-opml: %w", err)}
	}
	defer f.Close()
	doc, err := opml.Parse(f)
	if err != nil {
		return nil, &usageError{fmt.Errorf("import-opml: %s: %w", path, err)}
	}
	return doc, nil
}

// checkImported refuses an edit that would break a config that was valid.
// A config that was already invalid (or missing) is written anyway, since
// an import is often the first step of writing one.
func checkImported(old, text []byte, path string) error {
	_, newErr := config.ParseConfig(bytesReader(text), path)
	if newErr == nil {
		return nil
	}
	if _, oldErr := config.ParseConfig(bytesReader(old), path); oldErr == nil && len(old) > 0 {
		return fmt.Errorf("import-opml: the edited config would not validate, nothing written:\n%w", newErr)
	}
	return nil
}

// importPlan is what an import adds and skips.
type importPlan struct {
	added   []importedSource
	known   []opml.Feed // URL already configured (or listed twice)
	invalid []opml.Feed // not an http(s) URL
	names   map[string]bool
	created bool // the config was new: its feed "all" lists the sources
}

// importedSource is one new entry for sources.yaml.
type importedSource struct {
	name string
	feed opml.Feed
}

// planImport decides which OPML feeds become sources of the config text
// old and under which names.
func planImport(old []byte, candidates []opml.Feed) (*importPlan, error) {
	existing, err := configuredSources(old)
	if err != nil {
		return nil, err
	}
	p := &importPlan{names: make(map[string]bool)}
	seen := make(map[string]bool)
	for _, s := range existing {
		p.names[s.Name] = true
		seen[canonicalOrRaw(s.URL)] = true
	}
	for _, f := range candidates {
		u, err := feeds.CanonicalURL(f.XMLURL, "")
		if err != nil || !utf8.ValidString(f.XMLURL) {
			p.invalid = append(p.invalid, f)
			continue
		}
		if seen[u] {
			p.known = append(p.known, f)
			continue
		}
		seen[u] = true
		name := uniqueName(sourceName(f.Title, f.XMLURL), p.names)
		p.names[name] = true
		p.added = append(p.added, importedSource{name: name, feed: f})
	}
	return p, nil
}

func canonicalOrRaw(u string) string {
	if c, err := feeds.CanonicalURL(u, ""); err == nil {
		return c
	}
	return u
}

// report tells the operator what the import did.
func (p *importPlan) report(w io.Writer, path string, dryRun bool) {
	verb := "added"
	if dryRun {
		verb = "would add"
	}
	fmt.Fprintf(w, "%s %d source(s) to %s\n", verb, len(p.added), path)
	for _, a := range p.added {
		fmt.Fprintf(w, "  + %-24s %s\n", a.name, a.feed.XMLURL)
	}
	if len(p.known) > 0 {
		fmt.Fprintf(w, "skipped %d already configured:\n", len(p.known))
		for _, f := range p.known {
			fmt.Fprintf(w, "  = %s\n", f.XMLURL)
		}
	}
	if len(p.invalid) > 0 {
		fmt.Fprintf(w, "skipped %d without an http(s) feed URL:\n", len(p.invalid))
		for _, f := range p.invalid {
			fmt.Fprintf(w, "  ! %q %s\n", f.Title, f.XMLURL)
		}
	}
	switch {
	case len(p.added) == 0:
	case p.created:
		fmt.Fprintf(w, "the new config publishes them all in the feed \"all\"\n")
	default:
		fmt.Fprintf(w, "add the new sources to a feed's \"sources\" list to publish them (a feed of [\"*\"] has them already)\n")
	}
}
