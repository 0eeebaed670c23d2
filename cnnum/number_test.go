package cnnum

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// numberCase is one row of the ParseNumber table: an accepted input with
// everything read from it, or a refused one with its problem.
type numberCase struct {
	in      string
	rule    NumberRule
	q       Qualifier
	value   float64
	dec     int
	scale   float64
	unit    string
	problem NumberProblem // non-zero: the input must be refused with it
}

// The rules the table uses besides the zero one; never modified.
var (
	numShare    = NumberRule{Share: true}
	numRequired = NumberRule{Required: true}
)

// numberCases covers every form the parser promises to read or refuse.
var numberCases = []numberCase{
	// Plain digits and decimals.
	{in: "210", value: 210, scale: 1},
	{in: "75.3", value: 75.3, dec: 1, scale: 1},
	{in: "0.97", value: 0.97, dec: 2, scale: 1},
	{in: "100", value: 100, scale: 1},
	{in: "75.30", value: 75.3, dec: 2, scale: 1},
	{in: "0", value: 0, scale: 1},
	{in: "007", value: 7, scale: 1},
	{in: "  210  ", value: 210, scale: 1},
	// Scale words.
	{in: "20.8亿", value: 20.8, dec: 1, scale: 1e8},
	{in: "5.41万", value: 5.41, dec: 2, scale: 1e4},
	{in: "1.2万亿", value: 1.2, dec: 1, scale: 1e12},
	{in: "3千万元", value: 3, scale: 1e7, unit: "元"},
	{in: "1.5千亿元", value: 1.5, dec: 1, scale: 1e11, unit: "元"},
	{in: "120万千瓦", value: 120, scale: 1e4, unit: "千瓦"},
	{in: "5千米", value: 5, scale: 1, unit: "千米"},
	// Percentages, full-width forms.
	{in: "75.3%", value: 75.3, dec: 1, scale: 1, unit: "%"},
	{in: "100%", value: 100, scale: 1, unit: "%"},
	{in: "75.3％", value: 75.3, dec: 1, scale: 1, unit: "%"},
	{in: "７５．３％", value: 75.3, dec: 1, scale: 1, unit: "%"},
	{in: "１，２３４．５", value: 1234.5, dec: 1, scale: 1},
	{in: "\u3000７５．３％\u3000", value: 75.3, dec: 1, scale: 1, unit: "%"},
	{in: "3.2万元／人", value: 3.2, dec: 1, scale: 1e4, unit: "元/人"},
	{in: "2‰", value: 2, scale: 1, unit: "‰"},
	// Thousands separators.
	{in: "1,234.5", value: 1234.5, dec: 1, scale: 1},
	{in: "1，234", value: 1234, scale: 1},
	{in: "12,345,678元", value: 12345678, scale: 1, unit: "元"},
	{in: "1,23", problem: NumberMalformed},
	{in: "1234,567", problem: NumberMalformed},
	{in: "0,123", problem: NumberMalformed},
	{in: "1,234,56", problem: NumberMalformed},
	{in: "1.234,5", problem: NumberMalformed},
	// Qualifiers before the number.
	{in: "约15万个", q: About, value: 15, scale: 1e4, unit: "个"},
	{in: "约 15万个", q: About, value: 15, scale: 1e4, unit: "个"},
	{in: "大约3000人", q: About, value: 3000, scale: 1, unit: "人"},
	{in: "近5年", q: About, value: 5, scale: 1, unit: "年"},
	{in: "≈5", q: About, value: 5, scale: 1},
	{in: "超20.8亿元", q: Over, value: 20.8, dec: 1, scale: 1e8, unit: "元"},
	{in: "超过210家", q: Over, value: 210, scale: 1, unit: "家"},
	{in: "突破210家", q: Over, value: 210, scale: 1, unit: "家"},
	{in: "逾20亿元", q: Over, value: 20, scale: 1e8, unit: "元"},
	{in: ">210", q: Over, value: 210, scale: 1},
	{in: "＞210", q: Over, value: 210, scale: 1},
	{in: "不低于98%", q: AtLeast, value: 98, scale: 1, unit: "%"},
	{in: "不少于5栋", q: AtLeast, value: 5, scale: 1, unit: "栋"},
	{in: "≥98%", q: AtLeast, value: 98, scale: 1, unit: "%"},
	{in: ">=98%", q: AtLeast, value: 98, scale: 1, unit: "%"},
	{in: "<5", q: Under, value: 5, scale: 1},
	{in: "低于5%", q: Under, value: 5, scale: 1, unit: "%"},
	{in: "少于3个", q: Under, value: 3, scale: 1, unit: "个"},
	{in: "不超过5%", q: AtMost, value: 5, scale: 1, unit: "%"},
	{in: "不高于5%", q: AtMost, value: 5, scale: 1, unit: "%"},
	{in: "≤5%", q: AtMost, value: 5, scale: 1, unit: "%"},
	{in: "<=5%", q: AtMost, value: 5, scale: 1, unit: "%"},
	{in: "达98%以上", q: AtLeast, value: 98, scale: 1, unit: "%"},
	{in: "达到1.23万人", value: 1.23, dec: 2, scale: 1e4, unit: "人"},
	{in: "达到约15万个", q: About, value: 15, scale: 1e4, unit: "个"},
	// Qualifiers after the number.
	{in: "15万个左右", q: About, value: 15, scale: 1e4, unit: "个"},
	{in: "约15万个左右", q: About, value: 15, scale: 1e4, unit: "个"},
	{in: "20余个", q: More, value: 20, scale: 1, unit: "个"},
	{in: "20多个", q: More, value: 20, scale: 1, unit: "个"},
	{in: "4.1万余人", q: More, value: 4.1, dec: 1, scale: 1e4, unit: "人"},
	{in: "2.7亿余元", q: More, value: 2.7, dec: 1, scale: 1e8, unit: "元"},
	{in: "20余万人", q: More, value: 20, scale: 1e4, unit: "人"},
	{in: "20余", q: More, value: 20, scale: 1},
	{in: "98%以上", q: AtLeast, value: 98, scale: 1, unit: "%"},
	{in: "98% 以上", q: AtLeast, value: 98, scale: 1, unit: "%"},
	{in: "5%以下", q: AtMost, value: 5, scale: 1, unit: "%"},
	{in: "5%以内", q: AtMost, value: 5, scale: 1, unit: "%"},
	// Signs.
	{in: "-3.5%", value: -3.5, dec: 1, scale: 1, unit: "%"},
	{in: "+3.5%", value: 3.5, dec: 1, scale: 1, unit: "%"},
	{in: "−3.5%", value: -3.5, dec: 1, scale: 1, unit: "%"},
	{in: "约-3%", q: About, value: -3, scale: 1, unit: "%"},
	{in: "-0", value: 0, scale: 1},
	// Units.
	{in: "2.7亿元", value: 2.7, dec: 1, scale: 1e8, unit: "元"},
	{in: "3.2万元/人", value: 3.2, dec: 1, scale: 1e4, unit: "元/人"},
	{in: "98场", value: 98, scale: 1, unit: "场"},
	{in: "5栋", value: 5, scale: 1, unit: "栋"},
	{in: "1.23万人", value: 1.23, dec: 2, scale: 1e4, unit: "人"},
	{in: "54100人", value: 54100, scale: 1, unit: "人"},
	{in: "12人次", value: 12, scale: 1, unit: "人次"},
	{in: "54100 人", value: 54100, scale: 1, unit: "人"},
	{in: "1.5个百分点", value: 1.5, dec: 1, scale: 1, unit: "个百分点"},
	{in: "5张/千人", value: 5, scale: 1, unit: "张/千人"},
	{in: "26℃", value: 26, scale: 1, unit: "℃"},
	// Shares.
	{in: "75.3%", rule: numShare, value: 75.3, dec: 1, scale: 1, unit: "%"},
	{in: "100%", rule: numShare, value: 100, scale: 1, unit: "%"},
	{in: "约100%", rule: numShare, q: About, value: 100, scale: 1, unit: "%"},
	{in: "0.97", rule: numShare, value: 0.97, dec: 2, scale: 1},
	{in: "150%", value: 150, scale: 1, unit: "%"},
	{in: "100.5%", rule: numShare, problem: NumberShareOver100},
	{in: "150", rule: numShare, problem: NumberShareOver100},
	{in: "超100%", rule: numShare, problem: NumberShareOver100},
	{in: "1200‰", rule: numShare, problem: NumberShareOver100},
	// Empty.
	{in: "", rule: numRequired, problem: NumberEmpty},
	{in: " \u3000\t", rule: numRequired, problem: NumberEmpty},
	// Two numbers.
	{in: "5 6", problem: NumberTwoNumbers},
	{in: "5到6", problem: NumberTwoNumbers},
	{in: "5-6万", problem: NumberTwoNumbers},
	{in: "5~6", problem: NumberTwoNumbers},
	{in: "5%—6%", problem: NumberTwoNumbers},
	{in: "5、6", problem: NumberTwoNumbers},
	{in: "５至６万元", problem: NumberTwoNumbers},
	// 兆 and letters.
	{in: "3兆", problem: NumberAmbiguousScale},
	{in: "5兆瓦", problem: NumberAmbiguousScale},
	{in: "12abc", problem: NumberLetters},
	{in: "5G", problem: NumberLetters},
	{in: "abc", problem: NumberLetters},
	{in: "1e5", problem: NumberLetters},
	{in: "５Ｇ", problem: NumberLetters},
	{in: "NaN", problem: NumberLetters},
	// Malformed.
	{in: "约", problem: NumberMalformed},
	{in: "万", problem: NumberMalformed},
	{in: "%", problem: NumberMalformed},
	{in: "1.2.3", problem: NumberMalformed},
	{in: "75.", problem: NumberMalformed},
	{in: ".5", problem: NumberMalformed},
	{in: "超过", problem: NumberMalformed},
	{in: "--5", problem: NumberMalformed},
	{in: "- 5", problem: NumberMalformed},
	{in: "5万%", problem: NumberMalformed},
	{in: "超过98%以上", problem: NumberMalformed},
	{in: "约20余个", problem: NumberMalformed},
	{in: "约超过5", problem: NumberMalformed},
	{in: "同比增长5%", problem: NumberMalformed},
	{in: "5个。", problem: NumberMalformed},
	{in: "5万万", problem: NumberMalformed},
	{in: "5万 亿元", problem: NumberMalformed},
	{in: "5千余万", problem: NumberMalformed},
	{in: "5个 人", problem: NumberMalformed},
	{in: "5/人", problem: NumberMalformed},
	{in: "5元/", problem: NumberMalformed},
	{in: "5以上个", problem: NumberMalformed},
	{in: "5余多个", problem: NumberMalformed},
	{in: "5%%", problem: NumberMalformed},
	{in: "5\xff", problem: NumberMalformed},
	{in: strings.Repeat("9", 41), problem: NumberMalformed},
	{in: "1." + strings.Repeat("1", 11), problem: NumberMalformed},
	{in: "1" + strings.Repeat("0", 30), problem: NumberMalformed},
	{in: strings.Repeat("9", 30), problem: NumberMalformed}, // reads as 1e30
	{in: strings.Repeat("9", 29), value: 1e29, scale: 1},
	{in: "9.9999999999", value: 9.9999999999, dec: 10, scale: 1},
	{in: "9.99999999999999999", problem: NumberMalformed}, // too many decimals
	{in: strings.Repeat("0", 30) + ".0000000001", value: 1e-10, dec: 10, scale: 1},
	{in: "5" + strings.Repeat("个", 17), problem: NumberMalformed},
}

func TestParseNumberTable(t *testing.T) { checkNumberCases(t, numberCases) }

// checkNumberCases runs ParseNumber over a table and checks each accepted
// number's round trip through Format.
func checkNumberCases(t *testing.T, cases []numberCase) {
	t.Helper()
	for _, c := range cases {
		n, err := ParseNumber(c.in, c.rule)
		if c.problem != 0 {
			var ne *NumberError
			if !errors.As(err, &ne) || ne.Problem != c.problem {
				t.Errorf("ParseNumber(%q, %+v) = %+v, %v; want problem %v", c.in, c.rule, n, err, c.problem)
			} else if ne.Text != c.in {
				t.Errorf("ParseNumber(%q) error names %q", c.in, ne.Text)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseNumber(%q, %+v): %v", c.in, c.rule, err)
			continue
		}
		if n.Qualifier != c.q || n.Value != c.value || n.Decimals != c.dec || n.Scale != c.scale || n.Unit != c.unit {
			t.Errorf("ParseNumber(%q) = {q %q value %v dec %d scale %g unit %q}, want {q %q value %v dec %d scale %g unit %q}",
				c.in, n.Qualifier, n.Value, n.Decimals, n.Scale, n.Unit, c.q, c.value, c.dec, c.scale, c.unit)
		}
		if want := strings.TrimSpace(strings.Trim(c.in, "\u3000")); n.Text != want {
			t.Errorf("ParseNumber(%q).Text = %q, want %q", c.in, n.Text, want)
		}
		checkNumberRoundTrip(t, n, c.rule)
	}
}

// checkNumberRoundTrip asserts that Format writes n in a form ParseNumber
// reads back to the same number, and that formatting again changes nothing.
func checkNumberRoundTrip(t *testing.T, n Number, rule NumberRule) {
	t.Helper()
	text := n.Format()
	back, err := ParseNumber(text, rule)
	if err != nil {
		t.Errorf("%q formats to %q, which does not parse: %v", n.Text, text, err)
		return
	}
	if !back.Equal(n) || back.Decimals != n.Decimals {
		t.Errorf("%q formats to %q, which parses to %+v, not %+v", n.Text, text, back, n)
	}
	if again := back.Format(); again != text {
		t.Errorf("%q formats to %q, then to %q", n.Text, text, again)
	}
}

func TestParseNumberTableSize(t *testing.T) {
	if len(numberCases) < 60 {
		t.Errorf("only %d cases", len(numberCases))
	}
}

func TestParseNumberEmptyIsNotAnError(t *testing.T) {
	for _, in := range []string{"", "   ", "\u3000", "\t\n"} {
		n, err := ParseNumber(in, NumberRule{})
		if err != nil || !n.IsEmpty() || n.Format() != "" {
			t.Errorf("ParseNumber(%q) = %+v, %v; want the empty Number", in, n, err)
		}
	}
	if n, _ := ParseNumber("0", NumberRule{}); n.IsEmpty() {
		t.Error(`"0" reads as empty`)
	}
}

func TestNumberFormat(t *testing.T) {
	for in, want := range map[string]string{
		"约15万个":        "约15万个",
		"15万个左右":       "约15万个",
		"20多个":         "20余个",
		"20余万人":        "20万余人",
		"4.1万余人":       "4.1万余人",
		"超过20.8亿元":     "超20.8亿元",
		"≥98%":         "98%以上",
		"不低于98%":       "98%以上",
		"<5":           "低于5",
		"不超过5%":        "5%以下",
		"７５．３０％":       "75.30%",
		"1,234.5":      "1234.5",
		"+3.5%":        "3.5%",
		"-3.5%":        "-3.5%",
		"3.2万元／人":      "3.2万元/人",
		"1.2万亿":        "1.2万亿",
		"3千万元":         "3千万元",
		"达到98%以上":      "98%以上",
		"0.000000001%": "0.000000001%",
	} {
		n, err := ParseNumber(in, NumberRule{})
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", in, err)
			continue
		}
		if got := n.Format(); got != want {
			t.Errorf("ParseNumber(%q).Format() = %q, want %q", in, got, want)
		}
	}
}

func TestNumberEqual(t *testing.T) {
	parse := func(s string) Number {
		t.Helper()
		n, err := ParseNumber(s, NumberRule{})
		if err != nil {
			t.Fatalf("ParseNumber(%q): %v", s, err)
		}
		return n
	}
	for _, pair := range [][2]string{
		{"5.41万人", "54100人"},
		{"约15万个", "150000个左右"},
		{"1.2万亿", "12000亿"},
		{"1,234.50", "1234.5"},
		{"75.3％", "75.3%"},
	} {
		if !parse(pair[0]).Equal(parse(pair[1])) {
			t.Errorf("%q and %q are not Equal", pair[0], pair[1])
		}
	}
	for _, pair := range [][2]string{
		{"5.41万人", "54100个"},
		{"约15万个", "15万个"},
		{"5%", "5"},
		{"5", "5.0001"},
		{"0", ""},
	} {
		if parse(pair[0]).Equal(parse(pair[1])) {
			t.Errorf("%q and %q are Equal", pair[0], pair[1])
		}
	}
	if got := parse("5.41万").Base(); got != 54100 {
		t.Errorf("Base of 5.41万 = %v", got)
	}
}

func TestNumberErrorText(t *testing.T) {
	_, err := ParseNumber("5到6", NumberRule{})
	if got, want := err.Error(), `number "5到6": two numbers`; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
	for p := NumberEmpty; p <= NumberRangeOrder; p++ {
		if s := p.String(); s == "" || strings.HasPrefix(s, "NumberProblem(") {
			t.Errorf("problem %d has no name", int(p))
		}
	}
	if s := NumberProblem(0).String(); s != "NumberProblem(0)" {
		t.Errorf("zero problem = %q", s)
	}
}

// numberTokens are the pieces TestParseNumberTokenRoundTrip strings
// together: byte-level fuzzing seldom builds valid multi-byte words, so this
// walks the grammar's combinations directly.
var numberTokens = []string{
	"约", "大约", "近", "超", "超过", "逾", "达", "达到", "不低于", "不超过", "低于", ">", ">=", "＞", "≤", "≈",
	"+", "-", "−", "0", "1", "9", "05", "１", "，", ",", "234", ".", "．", "5", "99", "999",
	"万", "亿", "万亿", "千万", "百亿", "千", "余", "多", "%", "％", "‰",
	"个", "元", "人", "/", "／", "人次", "千米", "左右", "以上", "以下", "以内", " ", "\u3000", "到", "兆", "。",
}

func TestParseNumberTokenRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2)) // fixed, so a failure reproduces
	accepted := 0
	for range 200000 {
		var b strings.Builder
		for range 1 + rng.IntN(7) {
			b.WriteString(numberTokens[rng.IntN(len(numberTokens))])
		}
		for _, rule := range []NumberRule{{}, numShare} {
			n, err := ParseNumber(b.String(), rule)
			if err != nil {
				continue
			}
			accepted++
			checkNumberRoundTrip(t, n, rule)
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("%d of 400000 parses accepted and round-tripped", accepted)
	if accepted < 1000 {
		t.Errorf("only %d combinations parsed; the test checks too little", accepted)
	}
}

// numberSeeds are the table inputs the fuzzer starts from.
var numberSeeds = []string{
	"210", "75.30", "20.8亿", "1.2万亿", "７５．３％", "１，２３４．５", "1,234.5",
	"约15万个", "15万个左右", "4.1万余人", "20余万人", "超20.8亿元", "达98%以上",
	"不超过5%", "-3.5%", "3.2万元/人", "5-6万", "1,23",
	"一百二十万", "两千余家", "一万二千人", "零点五", "三成", "五成以上", "3千余人", "十三五",
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range numberSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, in string, isShare bool) {
		rule := NumberRule{Share: isShare}
		n, err := ParseNumber(in, rule)
		if err != nil {
			var ne *NumberError
			if !errors.As(err, &ne) || ne.Problem < NumberEmpty || ne.Problem > NumberMalformed {
				t.Fatalf("ParseNumber(%q) error %v is not a *NumberError with a known problem", in, err)
			}
			return
		}
		if n.IsEmpty() {
			if strings.TrimFunc(in, unicode.IsSpace) != "" || n.Format() != "" {
				t.Fatalf("ParseNumber(%q) is empty", in)
			}
			return
		}
		checkNumberRoundTrip(t, n, rule)
	})
}

func BenchmarkParseNumber(b *testing.B) {
	for _, in := range []string{"约15万个", "超20.8亿元", "98%以上", "７５．３％", "1,234.5"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseNumber(in, NumberRule{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestScaleOfReadsTheParsersTable: every scale word ParseNumber reads is
// one ScaleOf finds at the start of a unit, with the same factor.
func TestScaleOfReadsTheParsersTable(t *testing.T) {
	for _, s := range numScales {
		n, err := ParseNumber("3"+s.word+"元", NumberRule{})
		if err != nil {
			t.Fatalf("3%s元: %v", s.word, err)
		}
		word, scale := ScaleOf(s.word + "元")
		if word != s.word || scale != n.Scale || UnitScale(s.word+"元") != n.Scale {
			t.Errorf("ScaleOf(%s元) = %q, %v; ParseNumber's scale %v", s.word, word, scale, n.Scale)
		}
	}
	for _, unit := range []string{"家", "千米", "百分点", "%", ""} {
		if word, scale := ScaleOf(unit); word != "" || scale != 1 {
			t.Errorf("ScaleOf(%q) = %q, %v; want no scale", unit, word, scale)
		}
	}
}
