#!/usr/bin/env bash
# Runs the build stage of every Dockerfile without a container engine: copies exactly what each Dockerfile's COPY lines
# take from the build context (the repository root, minus .dockerignore's bin/obj folders) into an empty folder and runs
# the same restore and publish there. Proves the Dockerfiles copy everything their project needs.
# Usage: tests/docker/simulate-build.sh [Dockerfile...]   (default: every Dockerfile in the repository)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mapfile -t files < <(if [ $# -gt 0 ]; then printf '%s\n' "$@"; else git ls-files '*Dockerfile'; fi)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=0
for dockerfile in "${files[@]}"; do
  context="$work/$(dirname "$dockerfile" | tr / _)"
  mkdir -p "$context/src"
  # Build stage only: from the first FROM up to the second.
  stage="$(awk '/^FROM /{n++} n==1' "$dockerfile")"
  while read -r _ args; do
    read -r -a parts <<< "$args"
    target="${parts[-1]}"
    for source in "${parts[@]:0:${#parts[@]}-1}"; do
      if [ -d "$source" ]; then
        mkdir -p "$context/src/$target"
        cp -a "$source/." "$context/src/$target"
        find "$context/src/$target" -type d \( -name bin -o -name obj -o -name .data -o -name node_modules \) -prune -exec rm -rf {} +
      else
        cp "$source" "$context/src/$target"
      fi
    done
  done < <(grep '^COPY ' <<< "$stage" | grep -v -- '--from=')
  started=$SECONDS
  if (cd "$context/src" && bash -euo pipefail -c "$(grep '^RUN ' <<< "$stage" | sed 's/^RUN //; s#-o /app#-o '"$context"'/app#')") > "$context/log" 2>&1; then
    echo "ok      $dockerfile ($((SECONDS - started)) s, $(du -sm "$context/app" | cut -f1) MiB published)"
  else
    echo "FAILED  $dockerfile (log follows)"; tail -20 "$context/log"; failed=1
  fi
done
exit $failed
