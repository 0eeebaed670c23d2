// Package messages holds everything PlanDesk says to a person, in
// Simplified Chinese and English: the translations (translations/*.json,
// keyed by the English text), the choice of language, Explain — the one
// place an error becomes a sentence with the next step, for the window and
// the command line alike — and the labels of statuses, fields and choices.
//
// It may import Fyne's lang package, which keeps the current language, but
// nothing that draws: the command line uses it without a window.
package messages

import (
	"embed"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"
	"github.com/jeandeaual/go-locale"
)

// translationFS holds PlanDesk's strings, keyed by their English text.
//
//go:embed translations/*.json
var translationFS embed.FS

// Languages the UI offers, by preference value.
const (
	// Chinese is Simplified Chinese, the default.
	Chinese = "zh"
	// English is the other language offered.
	English = "en"
)

// Use makes code ("zh" or "en") the UI language, whatever the system
// locale is. Fyne's lang package picks the translation closest to the system
// locale and has no setter, so PlanDesk files its strings under exactly that
// locale; they then win over Fyne's own, and cover Fyne's built-in words
// (Quit, Cancel, Copy …) too.
func Use(code string) error {
	if code != English {
		code = Chinese
	}
	data, err := translationFS.ReadFile("translations/" + code + ".json")
	if err != nil {
		return fmt.Errorf("read %s translations: %w", code, err)
	}
	if err := lang.AddTranslationsForLocale(data, lang.SystemLocale()); err != nil {
		return fmt.Errorf("load %s translations: %w", code, err)
	}
	return nil
}

// Default is the UI language until the user picks one: English when
// the system is set to English, Simplified Chinese otherwise, including the
// bare C/POSIX locale of a freshly installed machine.
func Default() string {
	loc, err := locale.GetLocale()
	if err == nil && strings.HasPrefix(strings.ToLower(loc), "en") {
		return English
	}
	return Chinese
}

// From returns a chosen language code, or the default when none was
// chosen.
func From(choice string) string {
	if choice == Chinese || choice == English {
		return choice
	}
	return Default()
}
