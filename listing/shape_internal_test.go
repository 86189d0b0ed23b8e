package listing

import "testing"

func TestURLShape(t *testing.T) {
	tests := []struct {
		url      string
		template string
		article  bool
		listing  bool
	}{
		{"https://a.example/news/100250/cabinet-approves-budget", "t/n/t", true, false},
		{"https://a.example/news/100246/weather", "t/n/t", true, false},
		{"https://a.example/2025/03/10/%D8%A7%D9%84%D8%A8%D8%B1%D9%84%D9%85%D8%A7%D9%86-%D9%8A%D8%B5%D9%88%D8%AA/", "n/n/n/t", true, false},
		{"https://a.example/2025/03/", "n/n", true, false}, // a month archive looks like a date; its short title drops it
		{"https://a.example/archive/2024", "t/n", false, false},
		{"https://a.example/index.php?id=145690", "t.php?id=n", true, false},
		{"https://a.example/index.php?cat=2", "t.php?cat=n", false, true},
		{"https://a.example/index.php?cat=2&id=145690", "t.php?cat=n&id=n", true, false},
		{"https://a.example/view.php?cat=268767", "t.php?cat=n", true, false},
		{"https://a.example/index.php?cat=2&page=3", "t.php?cat=n&page=n", false, true},
		{"https://a.example/NewsDetails.aspx?NewsID=88001", "t.aspx?newsid=n", true, false},
		{"https://a.example/?p=812", "?p=n", true, false},
		{"https://a.example/article12345.html", "i.html", true, false},
		{"https://a.example/some-long-story-title.html", "t.html", true, false},
		{"https://a.example/section/politics", "t/t", false, false},
		{"https://a.example/category/politics/", "t/t", false, true},
		{"https://a.example/tag/baghdad/", "t/t", false, true},
		{"https://a.example/author/editor/", "t/t", false, true},
		{"https://a.example/category/politics/page/2/", "t/t/t/n", false, true},
		{"https://a.example/news/page", "t/t", false, false}, // "page" as a last segment is a page, not pagination
		{"https://a.example/%D9%88%D8%B3%D9%85/%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF", "t/t", false, true},
		{"https://a.example/search?q=iraq", "t?q=t", false, true},
		{"https://a.example/news?page=2", "t?page=n", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			sh := urlShape(tt.url)
			if sh.template != tt.template || sh.article != tt.article || sh.listing != tt.listing {
				t.Errorf("urlShape = %+v, want {template:%s article:%v listing:%v}", sh, tt.template, tt.article, tt.listing)
			}
		})
	}
}

func TestSiteOf(t *testing.T) {
	tests := []struct{ host, want string }{
		{"www.alsumaria.tv", "alsumaria.tv"},
		{"news.alsumaria.tv", "alsumaria.tv"},
		{"www.ina.iq", "ina.iq"},
		{"www.burathanews.com", "burathanews.com"},
		{"shafaq.com.", "shafaq.com"},
		{"site.gov.iq", "site.gov.iq"},
		{"127.0.0.1", "127.0.0.1"},
		{"::1", "::1"},
		{"localhost", "localhost"},
	}
	for _, tt := range tests {
		if got := siteOf(tt.host); got != tt.want {
			t.Errorf("siteOf(%q) = %q, want %q", tt.host, got, tt.want)
		}
	}
}
