//go:build !windows

package app

// showFatalBox does nothing where PlanDesk is started from a terminal or a
// desktop that keeps standard error (Linux, macOS).
func showFatalBox(string) {}
