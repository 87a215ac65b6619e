#!/usr/bin/env bash
# Installs the trust lab's tools from Debian apt when any is missing (trust-lab.md "Versions"):
# notary (notary, notary-server), docker-registry, skopeo, apache2-utils (htpasswd -B), openssl.
# Idempotent: prints nothing and changes nothing when everything is present.
set -euo pipefail

declare -A binary_of=(
  [notary]=/usr/bin/notary-server
  [docker-registry]=/usr/bin/docker-registry
  [skopeo]=/usr/bin/skopeo
  [apache2-utils]=/usr/bin/htpasswd
  [openssl]=/usr/bin/openssl
)

missing=()
for package in notary docker-registry skopeo apache2-utils openssl; do
  if [[ ! -x "${binary_of[$package]}" ]] || ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed'; then
    missing+=("$package")
  fi
done
# The notary package also ships the CLI; check it too.
if [[ ! -x /usr/bin/notary ]] && [[ ! " ${missing[*]} " == *" notary "* ]]; then missing+=(notary); fi

if [[ ${#missing[@]} -eq 0 ]]; then exit 0; fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi

echo "install-lab-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
# --no-install-recommends: docker-registry would otherwise pull in extra services; its init script and
# systemd unit are never used by the lab (trust-lab.md "Versions").
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
