# shellcheck shell=bash
# Builds the reactor's jars when missing or stale. Sourced by ./shiftwatch.

# Jar of a module (not sources/tests/javadoc), or nothing.
sw_module_jar() {
  local m="$1" j
  for j in "$SHIFTWATCH_ROOT/$m/target/shiftwatch-$m-"*.jar; do
    [[ -f "$j" ]] || continue
    case "$j" in *-sources.jar | *-tests.jar | *-javadoc.jar) continue ;; esac
    printf '%s' "$j"; return 0
  done
}

# True when module $1 has no jar/classpath.txt, or any */src file or reactor pom.xml is newer.
sw_module_stale() {
  local m="$1" jar; jar=$(sw_module_jar "$m")
  [[ -n "$jar" && -f "$SHIFTWATCH_ROOT/$m/target/classpath.txt" ]] || return 0
  local newer
  newer=$(cd "$SHIFTWATCH_ROOT" && find . -maxdepth 2 -name pom.xml -newer "$jar" -print -quit)
  [[ -z "$newer" ]] || return 0
  newer=$(cd "$SHIFTWATCH_ROOT" && find ./*/src -type f -newer "$jar" -print -quit 2>/dev/null)
  [[ -n "$newer" ]]
}

# Reactor modules from the root pom.
sw_modules() { sed -n 's:.*<module>\(.*\)</module>.*:\1:p' "$SHIFTWATCH_ROOT/pom.xml"; }

# Builds (package, no tests) the given modules (+ what they need), or all modules, when stale.
sw_build() {
  local mods=("$@") stale=() m
  [[ ${#mods[@]} -gt 0 ]] || mapfile -t mods < <(sw_modules)
  for m in "${mods[@]}"; do sw_module_stale "$m" && stale+=("$m"); done
  [[ ${#stale[@]} -eq 0 ]] && return 0
  local t0; t0=$(sw_now)
  sw_log "build: ${stale[*]} missing or stale; ./mvnw -q -DskipTests package"
  local args=(-q -B -DskipTests)
  if [[ $# -gt 0 ]]; then args+=(-pl "$(IFS=,; echo "${stale[*]}")" -am); fi
  (cd "$SHIFTWATCH_ROOT" && ./mvnw "${args[@]}" package) || sw_die "build failed (see the Maven output above)"
  # The jar plugin keeps an unchanged jar's old mtime; mark the built jars as fresh.
  for m in "${stale[@]}"; do
    local jar; jar=$(sw_module_jar "$m")
    [[ -n "$jar" ]] && touch "$jar"
  done
  sw_log "build: done ($(sw_elapsed "$t0")s)"
}
