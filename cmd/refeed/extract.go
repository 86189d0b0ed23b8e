package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/refeed/refeed/extract"
	"github.com/refeed/refeed/feeds"
	"github.com/refeed/refeed/fetch"
)

// extractOutput is one line of `refeed extract --format jsonl` and one
// element of `--format json`.
type extractOutput struct {
	File      string `json:"file,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title"`
	Byline    string `json:"byline"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Dir       string `json:"dir"`
	SiteName  string `json:"site_name,omitempty"`
	Image     string `json:"image,omitempty"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	// NextPage and SinglePage are the page's links to the article's next
	// page and to its single-page version, when it has them.
	NextPage   string `json:"next_page,omitempty"`
	SinglePage string `json:"single_page,omitempty"`
	Error      string `json:"error,omitempty"`
}

func runExtract(ctx context.Context, env *env, args []string) error {
	fs := newFlagSet(env, "extract")
	format := fs.String("format", "text", "output `format`: text, html, json or jsonl")
	charsetName := fs.String("charset", "", "force the `charset` of the input (e.g. windows-1256)")
	userAgent := fs.String("user-agent", fetch.DefaultUserAgent, "User-Agent `header` to send when fetching URLs")
	zone := fs.String("timezone", "UTC", "IANA time `zone` of dates the page writes without one (e.g. Asia/Baghdad)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	loc, err := time.LoadLocation(*zone)
	if err != nil || strings.EqualFold(*zone, "local") {
		return &usageError{fmt.Errorf("extract: unknown --timezone %q (want an IANA name such as Asia/Baghdad)", *zone)}
	}
	switch *format {
	case "text", "html", "json", "jsonl":
	default:
		return &usageError{fmt.Errorf("extract: unknown --format %q (want text, html, json or jsonl)", *format)}
	}
	if fs.NArg() == 0 {
		return &usageError{errors.New("extract: name at least one URL or FILE")}
	}
	client := fetch.New(fetch.Options{UserAgent: *userAgent}, env.logger(slog.LevelWarn, "text"))
	defer client.Close()
	var outputs []extractOutput
	failed := 0
	for _, input := range fs.Args() {
		out := extractOne(ctx, client, input, *charsetName, loc)
		if out.Error != "" {
			failed++
			fmt.Fprintf(env.stderr, "refeed: extract %s: %s\n", input, out.Error)
		}
		outputs = append(outputs, out)
		if *format != "json" {
			if err := printExtract(env.stdout, *format, out); err != nil {
				return err
			}
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(outputs); err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("extract: %d of %d inputs failed", failed, len(outputs))
	}
	return nil
}

// extractOne fetches (URL) or reads (FILE) one page, decodes it to UTF-8
// and extracts its article.
func extractOne(ctx context.Context, client *fetch.Client, input, charsetName string, loc *time.Location) extractOutput {
	var out extractOutput
	body, pageURL, err := loadPage(ctx, client, input, charsetName)
	if isURL(input) {
		out.URL = input
	} else {
		out.File = input
	}
	if err != nil {
		out.Error = err.Error()
		return out
	}
	if msg := feedInstead(body, input); msg != "" {
		out.Error = msg
		return out
	}
	art, err := extract.ExtractWith(bytes.NewReader(body), pageURL, extract.Options{Location: loc})
	if err != nil {
		out.Error = err.Error()
		return out
	}
	out.Title, out.Byline, out.Lang, out.Dir = art.Title, art.Byline, art.Lang, art.Dir
	out.SiteName, out.Image, out.Text, out.HTML = art.SiteName, art.Image, art.Text, art.HTML
	out.NextPage, out.SinglePage = art.NextPage, art.SinglePage
	if !art.Published.IsZero() {
		out.Published = art.Published.Format(time.RFC3339)
	}
	return out
}

// feedInstead returns, when body is a feed rather than a page, a message
// saying so and how to use it; "" for a page.
func feedInstead(body []byte, input string) string {
	if gofeed.DetectFeedType(bytes.NewReader(body)) == gofeed.FeedTypeUnknown {
		return ""
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return ""
	}
	source := "its URL"
	if isURL(input) {
		source = "url: " + input
	}
	msg := fmt.Sprintf("this is a feed (%s, %s), not an article page, and extract reads pages. "+
		"To see what refeed makes of a feed, add it as a source (%s) and run \"refeed check --online NAME\"",
		strings.ToUpper(feed.FeedType), countOf(len(feed.Items), "item"), source)
	for _, it := range feed.Items {
		if it.Link != "" {
			return msg + "; to extract one of its articles, give the article's link: refeed extract " + it.Link
		}
	}
	return msg
}

// isURL reports whether an extract input names a URL rather than a file.
func isURL(input string) bool {
	return strings.HasPrefix(input, "http://") || strings.HasPrefix(input, "https://")
}

// loadPage returns the UTF-8 HTML of input and the URL to resolve its links
// against. Files are decoded with the same charset rules as fetched pages.
func loadPage(ctx context.Context, client *fetch.Client, input, charsetName string) ([]byte, *url.URL, error) {
	if isURL(input) {
		resp, err := client.Fetch(ctx, fetch.Request{URL: input, Kind: fetch.KindPage, Charset: charsetName, IgnoreRobots: true})
		if err != nil {
			return nil, nil, err
		}
		u, err := url.Parse(resp.URL)
		return resp.Body, u, err
	}
	raw, err := os.ReadFile(input)
	if err != nil {
		return nil, nil, err
	}
	body, _ := fetch.Decode(raw, "text/html", charsetName)
	abs, err := filepath.Abs(input)
	if err != nil {
		return nil, nil, err
	}
	return body, &url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}, nil
}

func printExtract(w io.Writer, format string, out extractOutput) error {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	case "html":
		// Wrapped as the feeds wrap an item, title included, so an
		// Arabic page reads right to left here too.
		page := feeds.ContentHTML(feeds.Item{
			Content: "<h1>" + html.EscapeString(out.Title) + "</h1>\n" + out.HTML,
			Title:   out.Title, Text: out.Text, Lang: out.Lang, Dir: out.Dir,
		}, "")
		_, err := fmt.Fprintf(w, "<!-- %s -->\n%s\n", html.EscapeString(out.File+out.URL), page)
		return err
	default:
		if out.Error != "" {
			return nil
		}
		_, err := fmt.Fprintf(w, "%s\n\n%s\n", out.Title, out.Text)
		return err
	}
}
