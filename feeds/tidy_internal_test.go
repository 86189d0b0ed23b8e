package feeds

import "testing"

func TestAbsolutizeHTML(t *testing.T) {
	const base = "https://news.example.iq/ar/2026/item.html"
	tests := []struct{ name, in, want string }{
		{"relative img and link",
			`<p><img src="/img/1.jpg"> <a href="other.html">x</a></p>`,
			`<p><img src="https://news.example.iq/img/1.jpg"/> <a href="https://news.example.iq/ar/2026/other.html">x</a></p>`},
		{"absolute kept byte for byte", `<a href="https://a.example/x">x</a>`, `<a href="https://a.example/x">x</a>`},
		{"fragment link kept", `<a href="#note">1</a>`, `<a href="#note">1</a>`},
		{"srcset", `<img srcset="a.jpg 1x, /b.jpg 2x">`,
			`<img srcset="https://news.example.iq/ar/2026/a.jpg 1x, https://news.example.iq/b.jpg 2x"/>`},
		{"no attributes", `<p>نص فقط</p>`, `<p>نص فقط</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tidyHTML(tt.in, base); got != tt.want {
				t.Errorf("tidyHTML(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
	if got := tidyHTML(`<img src="x.jpg">`, "not a url"); got != `<img src="x.jpg">` {
		t.Errorf("relative base changed the fragment: %q", got)
	}
}
