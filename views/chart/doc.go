// Package chart draws PlanDesk's charts natively with Fyne canvas objects:
// a horizontal bar chart of indicator values, a progress bar against a
// target, and a stacked status overview.
//
// Every chart is a widget whose renderer places plain rectangles, lines and
// texts on each Layout, so charts stay sharp at any window size or scale
// (a projector at 1920×1080 as much as a laptop screen) and follow the
// theme's colours, light or dark, and its font, which carries the Chinese
// glyphs. No chart library is used: none fits Fyne 2.7 without pulling a
// newer Fyne.
//
// The package takes every user-visible word (status labels, "未设目标")
// as a parameter so that it never imports package views, which will embed
// these charts.
package chart
