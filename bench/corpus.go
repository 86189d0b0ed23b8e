package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// page is one benchmark page: UTF-8 HTML, its URL and the true body text.
type page struct {
	ID    string
	URL   *url.URL
	HTML  []byte
	Truth string
	// With and Without are snippets the text must and must not hold
	// (wcxb-dev only).
	With, Without []string
}

// loadScrapinghub reads the scrapinghub-dev pages (html/<id>.html.gz) and
// their ground truth, sorted by id.
func loadScrapinghub(dir string) ([]page, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("bench: ground truth: %w", err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		return nil, fmt.Errorf("bench: ground truth: %w", err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pages := make([]page, 0, len(ids))
	for _, id := range ids {
		body, u, err := readPage(dir, id, truth[id].URL)
		if err != nil {
			return nil, err
		}
		pages = append(pages, page{ID: id[:8], URL: u, HTML: body, Truth: truth[id].ArticleBody})
	}
	return pages, nil
}

// readPage reads page id of the corpus in dir (html/ID.html.gz) and
// parses its address, rawURL.
func readPage(dir, id, rawURL string) ([]byte, *url.URL, error) {
	body, err := readGzip(filepath.Join(dir, "html", id+".html.gz"))
	if err != nil {
		return nil, nil, err
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, nil, fmt.Errorf("bench: %s %s: %w", filepath.Base(dir), id, err)
	}
	return body, u, nil
}

// readGzip returns the decompressed content of a .gz file.
func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("bench: %s: %w", path, err)
	}
	defer zr.Close()
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("bench: %s: %w", path, err)
	}
	return b, nil
}

// loadArabic reads the CNN Arabic page in every stored copy: the two
// newspaper captures, goose3's, and the four legacy-encoded variants,
// decoded to UTF-8 here because charset decoding is fetch/'s job and not
// part of what is timed. The truth is newspaper4k's article text.
func loadArabic(dir string) ([]page, error) {
	cnn := filepath.Join(dir, "cnn-arabic-syria-2013")
	truth, err := os.ReadFile(filepath.Join(cnn, "newspaper4k", "arabic_article.txt"))
	if err != nil {
		return nil, fmt.Errorf("bench: arabic truth: %w", err)
	}
	u, _ := url.Parse("http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html")
	legacy := "derived-legacy-encodings/arabic_article."
	files := []struct {
		id, path string
		enc      encoding.Encoding
	}{
		{"newspaper4k", "newspaper4k/arabic_article.html", nil},
		{"newspaper3k", "newspaper3k/arabic_article.html", nil},
		{"goose3", "goose3/test_cnn_arabic.html", nil},
		{"cp1256", legacy + "windows-1256.html", charmap.Windows1256},
		{"cp1256-nometa", legacy + "windows-1256.no-meta-charset.html", charmap.Windows1256},
		{"iso8859-6", legacy + "iso-8859-6.html", charmap.ISO8859_6},
		{"iso8859-6-nometa", legacy + "iso-8859-6.no-meta-charset.html", charmap.ISO8859_6},
	}
	var pages []page
	for _, f := range files {
		body, err := os.ReadFile(filepath.Join(cnn, f.path))
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		if f.enc != nil {
			if body, err = f.enc.NewDecoder().Bytes(body); err != nil {
				return nil, fmt.Errorf("bench: decode %s: %w", f.path, err)
			}
			// The decoded bytes are UTF-8 now; a leftover meta charset
			// would make a charset-aware parser decode them twice.
			body = bytes.Replace(body, []byte("windows-1256"), []byte("utf-8"), -1)
			body = bytes.Replace(body, []byte("ISO-8859-6"), []byte("utf-8"), -1)
		}
		pages = append(pages, page{ID: f.id, URL: u, HTML: body, Truth: strings.TrimSpace(string(truth))})
	}
	return pages, nil
}

// wcxbRecord is one wcxb-dev page with the fields of its ground truth the
// benches use.
type wcxbRecord struct {
	ID          string
	URL         *url.URL
	HTML        []byte
	MainContent string
	PublishDate string
	With        []string
	Without     []string
}

// readWCXB reads the wcxb-dev pages in dir whose numeric id has the given
// parity (0 even, 1 odd) and whose truth keep accepts, sorted by id.
func readWCXB(dir string, parity int, keep func(mainContent, publishDate string) bool) ([]wcxbRecord, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("bench: wcxb ground truth: %w", err)
	}
	var truth map[string]struct {
		MainContent string   `json:"main_content"`
		PublishDate string   `json:"publish_date"`
		URL         string   `json:"url"`
		With        []string `json:"with"`
		Without     []string `json:"without"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		return nil, fmt.Errorf("bench: wcxb ground truth: %w", err)
	}
	var ids []string
	for id, t := range truth {
		n, err := strconv.Atoi(id)
		if err != nil {
			return nil, fmt.Errorf("bench: wcxb id %q is not a number", id)
		}
		if n%2 == parity && keep(t.MainContent, t.PublishDate) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	records := make([]wcxbRecord, 0, len(ids))
	for _, id := range ids {
		body, u, err := readPage(dir, id, truth[id].URL)
		if err != nil {
			return nil, err
		}
		t := truth[id]
		records = append(records, wcxbRecord{ID: id, URL: u, HTML: body, MainContent: t.MainContent, PublishDate: t.PublishDate, With: t.With, Without: t.Without})
	}
	return records, nil
}

// loadWCXB returns a loader of the wcxb-dev article pages whose numeric id
// has the given parity (0 even, 1 odd), sorted by id; the truth is the
// reviewed main_content.
func loadWCXB(parity int) func(string) ([]page, error) {
	return func(dir string) ([]page, error) {
		records, err := readWCXB(dir, parity, func(string, string) bool { return true })
		if err != nil {
			return nil, err
		}
		pages := make([]page, len(records))
		for i, r := range records {
			pages[i] = page{ID: r.ID, URL: r.URL, HTML: r.HTML, Truth: r.MainContent, With: r.With, Without: r.Without}
		}
		return pages, nil
	}
}
