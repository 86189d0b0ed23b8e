package evaluate

import "testing"

func TestDateLayouts(t *testing.T) {
	page := `<html><head><meta property="article:published_time" content="2024-03-05T10:00:00Z">` +
		`<META name="date" content="2024-03-05"><script type="application/ld+json">{"datePublished":"2024-03-05"}</script>` +
		`<script>dataLayer.push({"pubdate":"2024-03-05"})</script></head>` +
		`<body><h1>T</h1><time datetime="2024-03-05" itemprop="datePublished">5 March 2024</time>` +
		`<span data-publish-date="2024-03-05" class="when">5 March 2024</span><p>One.</p></body></html>`
	cases := map[string]string{
		"no-meta": `<html><head>` +
			`<script>dataLayer.push({"pubdate":"2024-03-05"})</script></head>` +
			`<body><h1>T</h1><time datetime="2024-03-05" itemprop="datePublished">5 March 2024</time>` +
			`<span data-publish-date="2024-03-05" class="when">5 March 2024</span><p>One.</p></body></html>`,
		"no-script": `<html><head></head>` +
			`<body><h1>T</h1><time datetime="2024-03-05" itemprop="datePublished">5 March 2024</time>` +
			`<span data-publish-date="2024-03-05" class="when">5 March 2024</span><p>One.</p></body></html>`,
		"text-only": `<html><head></head>` +
			`<body><h1>T</h1><time>5 March 2024</time>` +
			`<span class="when">5 March 2024</span><p>One.</p></body></html>`,
	}
	for _, name := range DateLayoutNames() {
		want, ok := cases[name]
		if !ok {
			t.Errorf("date layout %q has no test case", name)
			continue
		}
		if got := string(DateLayouts[name]([]byte(page))); got != want {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
}
