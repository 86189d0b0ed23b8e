package feeds

import "testing"

func TestWithLeadImage(t *testing.T) {
	const body = "<p>نص الخبر</p>"
	tests := []struct {
		name, content, image, want string
	}{
		{"no image", body, "", body},
		{"image put first", body, "https://news.example/a.jpg", `<p><img src="https://news.example/a.jpg" alt=""></p>` + body},
		{"escaped", body, `https://news.example/a.jpg?x=1&y="2"`, `<p><img src="https://news.example/a.jpg?x=1&amp;y=&#34;2&#34;" alt=""></p>` + body},
		{"content shows a picture", `<p><img src="https://news.example/b.jpg"></p>` + body, "https://news.example/a.jpg", `<p><img src="https://news.example/b.jpg"></p>` + body},
		{"not http", body, "javascript:alert(1)", body},
		{"relative", body, "/a.jpg", body},
		{"no content", "", "https://news.example/a.jpg", ""},
	}
	for _, tt := range tests {
		if got := withLeadImage(tt.content, tt.image); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
