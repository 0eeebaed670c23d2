# Sourced by the other scripts: the build tags every PlanDesk build, vet and
# test uses, passed through GOFLAGS so plain `go` commands pick them up.
#   migrated_fynedo  Fyne 2.6+ threading (UI updates only through fyne.Do);
#                    without it Fyne's tables are very slow.
#   no_emoji         leaves out Fyne's 4 MB colour emoji font, which plan
#                    reports never use and which Fyne would parse once per
#                    text style (regular, bold) at start.
case " ${GOFLAGS:-} " in
*" -tags="*) ;;
*) export GOFLAGS="${GOFLAGS:+$GOFLAGS }-tags=migrated_fynedo,no_emoji" ;;
esac
