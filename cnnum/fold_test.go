package cnnum

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"７５．３％":        "75.3%",
		"２１０家":         "210家",
		"5G":           "5g",
		"“十四五”":        `"十四五"`,
		"6—7":          "6-7",
		"汉阳区，\u3000全面": "汉阳区, 全面",
	} {
		if got := FoldString(in); got != want {
			t.Errorf("FoldString(%q) = %q, want %q", in, got, want)
		}
	}
	if n := len([]rune(FoldString("“突破２１０家”——ＡＢ"))); n != len([]rune("“突破２１０家”——ＡＢ")) {
		t.Errorf("folding changed the rune count to %d", n)
	}
}
