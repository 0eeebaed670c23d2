package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"
)

// startFailure explains why the window could not open, from what the
// graphics driver panicked with: no display (a remote session, or none at
// all), or an OpenGL driver too old for Fyne. The user gets a sentence in
// their language, not a Go trace; the driver's words follow for support.
func startFailure(reason any) error {
	detail := fmt.Sprint(reason)
	msg := lang.L("PlanDesk cannot open its window: this computer's graphics (OpenGL) could not be started. Update the graphics driver, or run PlanDesk on the computer itself rather than over a remote desktop.")
	if strings.Contains(detail, "DISPLAY") || strings.Contains(detail, "NotInitialized") {
		msg = lang.L("PlanDesk cannot open its window: no display was found. Start it from the desktop of the computer, not from a text-only session.")
	}
	return fmt.Errorf("%s\n(%s)", msg, detail)
}
