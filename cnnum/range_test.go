package cnnum

import (
	"errors"
	"strings"
	"testing"
	"unicode"
)

// TestParseRange: the ways plans write a target band; the numbers are
// illustrative.
func TestParseRange(t *testing.T) {
	for _, c := range []struct {
		text   string
		lo, hi float64
		unit   string
		approx bool
	}{
		{"6%–6.5%", 6, 6.5, "%", false},
		{"6-6.5%", 6, 6.5, "%", false},
		{"6～6.5%", 6, 6.5, "%", false},
		{"６％－６．５％", 6, 6.5, "%", false},
		{"6%至6.5%", 6, 6.5, "%", false},
		{"3至5万人", 3e4, 5e4, "人", false},
		{"3万人到5万人", 3e4, 5e4, "人", false},
		{"5.5-6%左右", 5.5, 6, "%", true},
		{"约6-6.5%", 6, 6.5, "%", true},
	} {
		lo, hi, err := ParseRange(c.text, NumberRule{})
		if err != nil || lo.Base() != c.lo || hi.Base() != c.hi || lo.Unit != c.unit || hi.Unit != c.unit ||
			(lo.Qualifier == About) != c.approx || (hi.Qualifier == About) != c.approx {
			t.Errorf("%q: %+v %+v %v", c.text, lo, hi, err)
		}
	}
	for _, c := range []struct {
		text string
		want NumberProblem
	}{
		{"6.5%", NumberTwoNumbers},
		{"-5%", NumberTwoNumbers},
		{"7-6%", NumberRangeOrder},
		{"6%-7个", NumberRangeUnits},
		{"6-150%", NumberShareOver100},
		{"abc-6%", NumberTwoNumbers},
	} {
		_, _, err := ParseRange(c.text, NumberRule{Share: true})
		var ne *NumberError
		if !errors.As(err, &ne) || ne.Problem != c.want {
			t.Errorf("%q: %v, want %s", c.text, err, c.want)
		}
	}
	if _, err := ParseNumber("6-6.5%", NumberRule{}); err == nil {
		t.Error("ParseNumber reads a range as one number")
	}
}

func BenchmarkParseRange(b *testing.B) {
	for b.Loop() {
		if _, _, err := ParseRange("5.5-6%左右", NumberRule{}); err != nil {
			b.Fatal(err)
		}
	}
}

// rangeEnd is one end of a range as ParseRange must read it.
type rangeEnd struct {
	text  string
	q     Qualifier
	value float64
	dec   int
	scale float64
	unit  string
}

// rangeCase is one row of the ParseRange table: both ends of an accepted
// range, or the problem of a refused one.
type rangeCase struct {
	in        string
	rule      NumberRule
	low, high rangeEnd
	problem   NumberProblem
}

// rangeCases covers every joining word, what one end gives the other, and
// every way a range is refused.
var rangeCases = []rangeCase{
	// Joining words.
	{in: "6%–6.5%", low: rangeEnd{"6%", Exact, 6, 0, 1, "%"}, high: rangeEnd{"6.5%", Exact, 6.5, 1, 1, "%"}},
	{in: "6%-6.5%", low: rangeEnd{"6%", Exact, 6, 0, 1, "%"}, high: rangeEnd{"6.5%", Exact, 6.5, 1, 1, "%"}},
	{in: "6%—6.5%", low: rangeEnd{"6%", Exact, 6, 0, 1, "%"}, high: rangeEnd{"6.5%", Exact, 6.5, 1, 1, "%"}},
	{in: "6%——6.5%", low: rangeEnd{"6%", Exact, 6, 0, 1, "%"}, high: rangeEnd{"6.5%", Exact, 6.5, 1, 1, "%"}},
	{in: "6～6.5%", low: rangeEnd{"6", Exact, 6, 0, 1, "%"}, high: rangeEnd{"6.5%", Exact, 6.5, 1, 1, "%"}},
	{in: "6~6.5%", low: rangeEnd{"6", Exact, 6, 0, 1, "%"}, high: rangeEnd{"6.5%", Exact, 6.5, 1, 1, "%"}},
	{in: "6〜6.5%", low: rangeEnd{"6", Exact, 6, 0, 1, "%"}, high: rangeEnd{"6.5%", Exact, 6.5, 1, 1, "%"}},
	{in: "6－6.5％", low: rangeEnd{"6", Exact, 6, 0, 1, "%"}, high: rangeEnd{"6.5％", Exact, 6.5, 1, 1, "%"}},
	{in: "6%至6.5%", low: rangeEnd{"6%", Exact, 6, 0, 1, "%"}, high: rangeEnd{"6.5%", Exact, 6.5, 1, 1, "%"}},
	{in: "6到6.5万人", low: rangeEnd{"6", Exact, 6, 0, 1e4, "人"}, high: rangeEnd{"6.5万人", Exact, 6.5, 1, 1e4, "人"}},
	{in: " 6 % - 6.5 % ", low: rangeEnd{"6 %", Exact, 6, 0, 1, "%"}, high: rangeEnd{"6.5 %", Exact, 6.5, 1, 1, "%"}},
	// One end's unit and scale given to the other.
	{in: "6-6.5%", low: rangeEnd{"6", Exact, 6, 0, 1, "%"}, high: rangeEnd{"6.5%", Exact, 6.5, 1, 1, "%"}},
	{in: "6%-6.5", low: rangeEnd{"6%", Exact, 6, 0, 1, "%"}, high: rangeEnd{"6.5", Exact, 6.5, 1, 1, "%"}},
	{in: "3至5万人", low: rangeEnd{"3", Exact, 3, 0, 1e4, "人"}, high: rangeEnd{"5万人", Exact, 5, 0, 1e4, "人"}},
	{in: "3万至5万人", low: rangeEnd{"3万", Exact, 3, 0, 1e4, "人"}, high: rangeEnd{"5万人", Exact, 5, 0, 1e4, "人"}},
	{in: "8000-1.2万个", problem: NumberRangeOrder}, // 8000 takes 万 too: 8000万 to 1.2万
	{in: "8000个-1.2万个", low: rangeEnd{"8000个", Exact, 8000, 0, 1, "个"}, high: rangeEnd{"1.2万个", Exact, 1.2, 1, 1e4, "个"}},
	{in: "5-6万", low: rangeEnd{"5", Exact, 5, 0, 1e4, ""}, high: rangeEnd{"6万", Exact, 6, 0, 1e4, ""}},
	{in: "5-6", low: rangeEnd{"5", Exact, 5, 0, 1, ""}, high: rangeEnd{"6", Exact, 6, 0, 1, ""}},
	{in: "6-6", low: rangeEnd{"6", Exact, 6, 0, 1, ""}, high: rangeEnd{"6", Exact, 6, 0, 1, ""}},
	{in: "-3%至-1%", low: rangeEnd{"-3%", Exact, -3, 0, 1, "%"}, high: rangeEnd{"-1%", Exact, -1, 0, 1, "%"}},
	{in: "-3--1", low: rangeEnd{"-3", Exact, -3, 0, 1, ""}, high: rangeEnd{"-1", Exact, -1, 0, 1, ""}},
	// One qualifier for both ends.
	{in: "5.5-6%左右", low: rangeEnd{"5.5", About, 5.5, 1, 1, "%"}, high: rangeEnd{"6%左右", About, 6, 0, 1, "%"}},
	{in: "约5.5%-6%", low: rangeEnd{"约5.5%", About, 5.5, 1, 1, "%"}, high: rangeEnd{"6%", About, 6, 0, 1, "%"}},
	{in: "约5.5-约6%", low: rangeEnd{"约5.5", About, 5.5, 1, 1, "%"}, high: rangeEnd{"约6%", About, 6, 0, 1, "%"}},
	{in: "达到5-6%", low: rangeEnd{"达到5", Exact, 5, 0, 1, "%"}, high: rangeEnd{"6%", Exact, 6, 0, 1, "%"}},
	{in: "20-30余万人", low: rangeEnd{"20", More, 20, 0, 1e4, "人"}, high: rangeEnd{"30余万人", More, 30, 0, 1e4, "人"}},
	// Chinese numerals and 成.
	{in: "三至五成", low: rangeEnd{"三", Exact, 30, 0, 1, "%"}, high: rangeEnd{"五成", Exact, 50, 0, 1, "%"}},
	{in: "2-3成", low: rangeEnd{"2", Exact, 20, 0, 1, "%"}, high: rangeEnd{"3成", Exact, 30, 0, 1, "%"}},
	{in: "3成-40%", low: rangeEnd{"3成", Exact, 30, 0, 1, "%"}, high: rangeEnd{"40%", Exact, 40, 0, 1, "%"}},
	{in: "三成至4.5", low: rangeEnd{"三成", Exact, 30, 0, 1, "%"}, high: rangeEnd{"4.5", Exact, 45, 0, 1, "%"}},
	{in: "一百二十万至一百五十万千瓦", low: rangeEnd{"一百二十万", Exact, 120, 0, 1e4, "千瓦"}, high: rangeEnd{"一百五十万千瓦", Exact, 150, 0, 1e4, "千瓦"}},
	{in: "两千到三千家", low: rangeEnd{"两千", Exact, 2000, 0, 1, "家"}, high: rangeEnd{"三千家", Exact, 3000, 0, 1, "家"}},
	// Shares.
	{in: "95%-100%", rule: numShare, low: rangeEnd{"95%", Exact, 95, 0, 1, "%"}, high: rangeEnd{"100%", Exact, 100, 0, 1, "%"}},
	{in: "80-120%", rule: numShare, problem: NumberShareOver100},
	{in: "八至十一成", rule: numShare, problem: NumberShareOver100},
	{in: "80-120", rule: numShare, problem: NumberShareOver100},
	// Blank: no range, whatever the rule.
	{in: "", problem: NumberEmpty},
	{in: " \u3000", rule: numRequired, problem: NumberEmpty},
	// Refused.
	{in: "6.5%-6%", problem: NumberRangeOrder},
	{in: "5万至3万人", problem: NumberRangeOrder},
	{in: "-1--3", problem: NumberRangeOrder},
	{in: "5%-6个", problem: NumberRangeUnits},
	{in: "5%-6‰", problem: NumberRangeUnits},
	{in: "5个-6人", problem: NumberRangeUnits},
	// No range at all: two numbers, so that the caller tries ParseNumber.
	{in: "6%", problem: NumberTwoNumbers},
	{in: "-5", problem: NumberTwoNumbers},
	{in: "三成", problem: NumberTwoNumbers},
	{in: "约", problem: NumberTwoNumbers},
	{in: "至6", problem: NumberTwoNumbers},
	{in: "abc-6%", problem: NumberTwoNumbers},
	{in: "5、6", problem: NumberTwoNumbers},
	{in: "5-6-7", problem: NumberTwoNumbers},
	{in: "5-6至7", problem: NumberTwoNumbers},
	{in: "5-", problem: NumberMalformed},
	{in: "约5-超6", problem: NumberMalformed},
	{in: "0到0到", problem: NumberMalformed}, // the fuzzer's find: 到 as the unit
	{in: "5至6至", problem: NumberMalformed},
	{in: "5%以上-6%以下", problem: NumberMalformed},
	{in: "5万-6%", problem: NumberMalformed},
	{in: "3万至5成", problem: NumberMalformed},
	{in: "三至5农", problem: NumberMalformed},
	{in: "5G-6G", problem: NumberLetters},
	{in: "5兆-6兆", problem: NumberAmbiguousScale},
	{in: "5-" + strings.Repeat("6", 300), problem: NumberMalformed},
}

func TestParseRangeTable(t *testing.T) {
	for _, c := range rangeCases {
		low, high, err := ParseRange(c.in, c.rule)
		if c.problem != 0 {
			var ne *NumberError
			if !errors.As(err, &ne) || ne.Problem != c.problem {
				t.Errorf("ParseRange(%q, %+v) = %+v, %+v, %v; want problem %v", c.in, c.rule, low, high, err, c.problem)
			} else if ne.Text != c.in {
				t.Errorf("ParseRange(%q) error names %q", c.in, ne.Text)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseRange(%q, %+v): %v", c.in, c.rule, err)
			continue
		}
		checkRangeEnd(t, c.in, "low", low, c.low)
		checkRangeEnd(t, c.in, "high", high, c.high)
		checkRangeRoundTrip(t, c.in, low, high, c.rule)
	}
}

// checkRangeEnd compares one end of a range with what the table wants.
func checkRangeEnd(t *testing.T, in, which string, got Number, want rangeEnd) {
	t.Helper()
	if got.Text != want.text || got.Qualifier != want.q || got.Value != want.value || got.Decimals != want.dec || got.Scale != want.scale || got.Unit != want.unit {
		t.Errorf("ParseRange(%q) %s = {%q q %q value %v dec %d scale %g unit %q}, want {%q q %q value %v dec %d scale %g unit %q}",
			in, which, got.Text, got.Qualifier, got.Value, got.Decimals, got.Scale, got.Unit,
			want.text, want.q, want.value, want.dec, want.scale, want.unit)
	}
}

// checkRangeRoundTrip asserts that both ends formatted and joined by an en
// dash read back to the same range.
func checkRangeRoundTrip(t *testing.T, in string, low, high Number, rule NumberRule) {
	t.Helper()
	text := low.Format() + "–" + high.Format()
	l, h, err := ParseRange(text, rule)
	if err != nil {
		t.Errorf("ParseRange(%q) formats to %q, which does not parse: %v", in, text, err)
		return
	}
	if !l.Equal(low) || !h.Equal(high) || l.Decimals != low.Decimals || h.Decimals != high.Decimals {
		t.Errorf("ParseRange(%q) formats to %q, which parses to %+v, %+v", in, text, l, h)
	}
}

// TestParseNumberRefusesRanges: whatever ParseRange accepts, ParseNumber
// still refuses as two numbers, so a range is never read as its first end.
func TestParseNumberRefusesRanges(t *testing.T) {
	for _, c := range rangeCases {
		if c.problem != 0 {
			continue
		}
		var ne *NumberError
		if _, err := ParseNumber(c.in, c.rule); !errors.As(err, &ne) || ne.Problem != NumberTwoNumbers {
			t.Errorf("ParseNumber(%q) = %v, want two numbers", c.in, err)
		}
	}
}

func TestRangeErrorText(t *testing.T) {
	_, _, err := ParseRange("6.5%-6%", NumberRule{})
	if got, want := err.Error(), `number "6.5%-6%": range low end above high end`; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
}

// rangeSeeds are the inputs FuzzParseRange starts from.
var rangeSeeds = []string{
	"6%–6.5%", "6-6.5%", "6～6.5%", "6%至6.5%", "6到6.5万人", "5.5-6%左右", "3至5万人",
	"三至五成", "-3%至-1%", "6.5%-6%", "5%-6个", "6%", "5-6-7", "一百二十万至一百五十万千瓦",
}

func FuzzParseRange(f *testing.F) {
	for _, s := range rangeSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, in string, isShare bool) {
		rule := NumberRule{Share: isShare}
		low, high, err := ParseRange(in, rule)
		if err != nil {
			var ne *NumberError
			if !errors.As(err, &ne) || ne.Problem < NumberEmpty || ne.Problem > NumberRangeOrder || ne.Text != in {
				t.Fatalf("ParseRange(%q) error %v is not a *NumberError with a known problem", in, err)
			}
			return
		}
		if low.IsEmpty() || high.IsEmpty() || strings.TrimFunc(in, unicode.IsSpace) == "" {
			t.Fatalf("ParseRange(%q) = %+v, %+v: an empty end", in, low, high)
		}
		if low.Unit != high.Unit || low.Qualifier != high.Qualifier || low.Base() > high.Base() {
			t.Fatalf("ParseRange(%q) = %+v, %+v: ends disagree", in, low, high)
		}
		var ne *NumberError
		if _, err := ParseNumber(in, rule); !errors.As(err, &ne) || ne.Problem != NumberTwoNumbers {
			t.Fatalf("ParseRange reads %q, but ParseNumber gives %v, not two numbers", in, err)
		}
		checkNumberRoundTrip(t, low, rule)
		checkNumberRoundTrip(t, high, rule)
		checkRangeRoundTrip(t, in, low, high, rule)
	})
}

// BenchmarkParseRangeForms times ParseRange on each kind of range, beside
// BenchmarkParseRange's one.
func BenchmarkParseRangeForms(b *testing.B) {
	for _, in := range []string{"6%–6.5%", "3至5万人", "5.5-6%左右", "三至五成"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := ParseRange(in, NumberRule{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
