package extract

import "testing"

func TestTextDirection(t *testing.T) {
	tests := []struct{ text, want string }{
		{"", "ltr"},
		{"12345 !?", "ltr"},
		{"Hello world", "ltr"},
		{"مرحبا بالعالم", "rtl"},
		{"שלום עולם", "rtl"},
		{"سلام دنیا", "rtl"},
		{"دمشق، سوريا (CNN) -- أكدت جهات سورية معارضة", "rtl"},
		{"CNN Arabic: مرحبا", "ltr"}, // more Latin letters than Arabic
		{"ܫܠܡܐ", "rtl"},              // Syriac
		{"Привет мир", "ltr"},
		{"你好世界", "ltr"},
	}
	for _, tt := range tests {
		if got := textDirection(tt.text); got != tt.want {
			t.Errorf("textDirection(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestGuessLang(t *testing.T) {
	tests := []struct{ text, want string }{
		{"أكدت جهات سورية معارضة أن فصائل مسلحة", "ar"},
		{"تحلیل روزنامه اصولگرا از دعوت اصلاح طلبان به حضور مردم", "fa"},
		{"پاکستان کے وزیر اعظم نے کہا ہے کہ حکومت عوام کی خدمت کرے گی", "ur"},
		{"سەرۆکی هەرێمی کوردستان پێشوازی لە شاندێکی حکومەتی عێراق کرد", "ckb"},
		{"שלום עולם", "he"},
		{"Hello world", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := guessLang(tt.text); got != tt.want {
			t.Errorf("guessLang(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestCleanLangTag(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ar", "ar"},
		{" en-US ", "en-US"},
		{"ar_IQ", "ar-IQ"},
		{"ar-Ar", "ar-AR"},
		{"en-us", "en-US"},
		{"iw", "he"},
		{"ar, en", "ar"},
		{"{{lang}}", ""},
		{"und", ""},
		{"", ""},
		{"12345", ""},
	}
	for _, tt := range tests {
		if got := cleanLangTag(tt.in); got != tt.want {
			t.Errorf("cleanLangTag(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPickDir(t *testing.T) {
	tests := []struct{ declared, lang, sample, want string }{
		{"rtl", "en", "Hello", "rtl"},
		{"ltr", "", "Hello", "ltr"},
		{"ltr", "ar", "مرحبا بالعالم", "rtl"},
		{"", "he", "", "rtl"},
		{"", "ku-Arab", "", "rtl"},
		{"", "en", "", "ltr"},
		{"", "", "مرحبا بالعالم", "rtl"},
		{"", "", "", "ltr"},
	}
	for _, tt := range tests {
		if got := pickDir(tt.declared, tt.lang, tt.sample); got != tt.want {
			t.Errorf("pickDir(%q, %q, %q) = %q, want %q", tt.declared, tt.lang, tt.sample, got, tt.want)
		}
	}
}
