package textkit

import "strings"

// months lists the month names of each calendar family, January first,
// as writers spell them; Months folds them. Arabic pages name the
// Gregorian months in one of four families, often two at once ("28
// آب/أغسطس 2013").
var monthFamilies = [...][12][]string{
	{ // English names and abbreviations
		{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
		{"may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"},
		{"september", "sept", "sep"}, {"october", "oct"}, {"november", "nov"}, {"december", "dec"},
	},
	{ // Levantine and Iraqi (Syriac) names, with and without the article
		{"كانون الثاني", "كانون ثاني"}, {"شباط"}, {"آذار", "اذار"}, {"نيسان"},
		{"أيار", "ايار"}, {"حزيران"}, {"تموز"}, {"آب", "اب"},
		{"أيلول", "ايلول"}, {"تشرين الأول", "تشرين اول"}, {"تشرين الثاني", "تشرين ثاني"}, {"كانون الأول", "كانون اول"},
	},
	{ // Egyptian and Gulf names (from the English), with spelling variants
		{"يناير"}, {"فبراير"}, {"مارس"}, {"أبريل", "إبريل"},
		{"مايو"}, {"يونيو", "يونيه"}, {"يوليو", "يوليه"}, {"أغسطس", "أغسطوس"},
		{"سبتمبر"}, {"أكتوبر"}, {"نوفمبر"}, {"ديسمبر"},
	},
	{ // Maghrebi names (Algeria, Tunisia, from the French) and Moroccan ones
		{"جانفي"}, {"فيفري"}, {"مارس"}, {"أفريل"},
		{"ماي"}, {"جوان", "يونيو"}, {"جويلية", "يوليوز"}, {"أوت", "غشت"},
		{"سبتمبر", "شتنبر"}, {"أكتوبر"}, {"نوفمبر", "نونبر"}, {"ديسمبر", "دجنبر"},
	},
}

// europeanNames are the month names of German (Austrian Jänner, Jän and
// Feber too, März also written Maerz and Mrz), French, Spanish, Italian, Portuguese, Dutch, Swedish,
// Danish, Norwegian, Romanian, Turkish and Indonesian, and the forms
// Polish, Czech, Russian, Ukrainian, Greek and Finnish write after a day
// ("6 grudnia 2016", "6. prosince 2016", "6 декабря 2016", "6 Δεκεμβρίου
// 2016", "6. joulukuuta 2016"), Slovak, Slovenian, Serbian and Bosnian
// (Latin), Croatian, Malay and Estonian ("6. decembra 2016", "6.
// prosinca 2016.", "6 Disember 2016", "6. detsember 2016"), Hungarian,
// which puts the year first ("2016. december 6."), with the
// German and French abbreviations that do not read as other words.
// Croatian's October, listopad, is left out: "listopada" is November in
// Polish and Czech. The English ones are in monthFamilies already.
var europeanNames = [12][]string{
	{"januar", "jänner", "jän", "janvier", "janv", "enero", "gennaio", "janeiro", "januari", "stycznia", "ledna", "января", "ocak", "січня", "ιανουαρίου", "ianuarie", "tammikuuta", "januára", "januarja", "januara", "siječnja", "jaanuar", "január"},
	{"februar", "feber", "février", "févr", "febrero", "febbraio", "fevereiro", "februari", "lutego", "února", "февраля", "şubat", "лютого", "φεβρουαρίου", "februarie", "helmikuuta", "februára", "februarja", "februara", "veljače", "veebruar", "február"},
	{"märz", "mär", "maerz", "mrz", "mars", "marzo", "março", "maart", "marca", "března", "марта", "mart", "березня", "μαρτίου", "martie", "maaliskuuta", "marts", "maret", "marta", "ožujka", "mac", "märts", "március"},
	{"avril", "avr", "abril", "aprile", "kwietnia", "dubna", "апреля", "nisan", "квітня", "απριλίου", "aprilie", "huhtikuuta", "apríla", "aprila", "travnja", "aprill", "április"},
	{"mai", "mayo", "maggio", "maio", "mei", "maj", "maja", "května", "мая", "mayıs", "травня", "μαΐου", "toukokuuta", "mája", "svibnja", "május"},
	{"juni", "juin", "junio", "giugno", "junho", "czerwca", "června", "июня", "haziran", "червня", "ιουνίου", "iunie", "kesäkuuta", "júna", "junija", "juna", "lipnja", "juuni", "június"},
	{"juli", "juillet", "juil", "julio", "luglio", "julho", "lipca", "července", "июля", "temmuz", "липня", "ιουλίου", "iulie", "heinäkuuta", "júla", "julija", "jula", "srpnja", "julai", "juuli", "július"},
	{"août", "agosto", "augustus", "augusti", "sierpnia", "srpna", "августа", "ağustos", "серпня", "αυγούστου", "elokuuta", "augusta", "avgusta", "kolovoza", "ogos", "augusztus"},
	{"septembre", "septiembre", "settembre", "setembro", "września", "září", "сентября", "eylül", "вересня", "σεπτεμβρίου", "septembrie", "syyskuuta", "septembra", "rujna", "szeptember"},
	{"oktober", "okt", "octobre", "octubre", "ottobre", "outubro", "października", "října", "октября", "ekim", "жовтня", "οκτωβρίου", "octombrie", "lokakuuta", "októbra", "oktobra", "oktoober", "október"},
	{"novembre", "noviembre", "novembro", "listopada", "listopadu", "ноября", "kasım", "листопада", "νοεμβρίου", "noiembrie", "marraskuuta", "novembra", "studenoga", "studenog"},
	{"dezember", "dez", "décembre", "déc", "diciembre", "dicembre", "dezembro", "grudnia", "prosince", "декабря", "aralık", "грудня", "δεκεμβρίου", "decembrie", "joulukuuta", "desember", "decembra", "prosinca", "disember", "detsember"},
}

// jalaliNames are the Solar Hijri (Persian) month names, Farvardin first.
var jalaliNames = [12][]string{
	{"فروردین"}, {"اردیبهشت"}, {"خرداد"}, {"تیر"}, {"مرداد", "امرداد"}, {"شهریور"},
	{"مهر"}, {"آبان"}, {"آذر"}, {"دی"}, {"بهمن"}, {"اسفند"},
}

// Months maps every Gregorian month name, folded by FoldPhrase ("آب" →
// "اب", "جويلية" → "جويليه", two-word names with one space), to its month
// number. JalaliMonths does the same for the Solar Hijri calendar. Both
// are read-only.
//
// EuropeanMonths maps the folded German, French, Spanish, Italian,
// Portuguese and Dutch names the same way, for reading dates ("3. März
// 2020", "12 de marzo de 2020"). They are kept apart from Months, whose
// words also mark datelines for trimming (IsMonthNameWord) and date
// listings.
var (
	Months         = foldMonths(monthFamilies[:]...)
	JalaliMonths   = foldMonths(jalaliNames)
	EuropeanMonths = foldMonths(europeanNames)
)

// foldMonths builds a folded name → month number table.
func foldMonths(families ...[12][]string) map[string]int {
	m := make(map[string]int)
	for _, f := range families {
		for i, names := range f {
			for _, n := range names {
				m[FoldPhrase(n)] = i + 1
			}
		}
	}
	return m
}

// MonthNumber returns the Gregorian month a name stands for (any case,
// any spelling FoldPhrase unifies, one or more spaces inside two-word
// names), or 0.
func MonthNumber(name string) int {
	return Months[FoldPhrase(name)]
}

// JalaliMonthNumber returns the Solar Hijri month a name stands for, or 0.
func JalaliMonthNumber(name string) int {
	return JalaliMonths[FoldPhrase(name)]
}

// monthWords holds every word of every Gregorian month name, folded:
// "كانون", "الثاني", "جويليه", "sept".
var monthWords = func() map[string]bool {
	words := make(map[string]bool)
	for name := range Months {
		for _, w := range strings.Fields(name) {
			words[w] = true
		}
	}
	return words
}()

// IsMonthNameWord reports whether a folded word is a word of a Gregorian
// month name ("كانون", "الثاني", "sept", "جوان").
func IsMonthNameWord(word string) bool { return monthWords[word] }

// IsMonthWord reports whether a folded word is a month name or the first
// word of a two-word one ("كانون", "تشرين"): the cheap test a date search
// runs before its patterns.
func IsMonthWord(word string) bool {
	if _, ok := Months[word]; ok {
		return true
	}
	return word == "كانون" || word == "تشرين"
}

// MonthNames returns the folded names of a table, for building patterns.
func MonthNames(table map[string]int) []string {
	out := make([]string, 0, len(table))
	for n := range table {
		out = append(out, n)
	}
	return out
}
