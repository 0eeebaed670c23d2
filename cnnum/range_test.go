package cnnum

import (
	"errors"
	"testing"
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
