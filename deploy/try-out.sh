#!/usr/bin/env bash
# Try-out of a multi-instance deployment on one machine: PostgreSQL, two (or more) WorkPlanTracker instances on one
# database with a shared evidence folder, and Debian's nginx in front with sticky sessions (deploy/nginx.conf).
#
#   deploy/try-out.sh [start]   build (Release), start everything, wait until it answers, print the address
#   deploy/try-out.sh stop      stop nginx and the instances (PostgreSQL keeps running: it may serve others)
#   deploy/try-out.sh status    which of them run
#   deploy/try-out.sh nginx-config PREFIX LISTEN BACKEND...
#                               print deploy/nginx.conf filled in (PREFIX: nginx's folder, LISTEN: e.g. 127.0.0.1:8080,
#                               BACKEND: e.g. 127.0.0.1:5081); start uses it, and so does the test NginxDeploymentTests
#
# Needs: the .NET 10 SDK, Debian's postgresql and nginx (apt-get install -y postgresql nginx). Runs as root (CI) or as
# a normal user: then PostgreSQL must already run and the role must exist, or sudo must let the user act as postgres.
# Settings (environment):
#   WPT_TRYOUT_DIR        working folder (logs, instance folders, evidence, nginx)   default ${TMPDIR:-/tmp}/wpt-try-out
#   WPT_TRYOUT_PORT       nginx's port on 127.0.0.1                                  default 8080
#   WPT_TRYOUT_APP_PORT   the first instance's port; the next ones count up         default 5081
#   WPT_TRYOUT_INSTANCES  how many instances                                         default 2
#   WPT_TRYOUT_DB         a connection string to use instead of the local role and database wpt_tryout (made if missing)
#   WPT_TRYOUT_NO_BUILD=1 use the Release build as it is
# Nothing listens beyond 127.0.0.1. The demo accounts (office, unit, leader) are on; the sample plans are imported
# by the first instance into the empty database, once. To start over from nothing: stop, then
# `su postgres -c 'dropdb wpt_tryout'`.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${WPT_TRYOUT_DIR:-${TMPDIR:-/tmp}/wpt-try-out}
proxy_port=${WPT_TRYOUT_PORT:-8080}
first_app_port=${WPT_TRYOUT_APP_PORT:-5081}
instances=${WPT_TRYOUT_INSTANCES:-2}
nginx_bin=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
local_db='Host=127.0.0.1;Port=5432;Database=wpt_tryout;Username=wpt_tryout;Password=wpt_tryout'
dll="$repo/src/WorkPlanTracker/bin/Release/net10.0/WorkPlanTracker.dll"

say() { printf '[try-out] %s\n' "$*"; }
die() { printf '[try-out] %s\n' "$*" >&2; exit 1; }

nginx_config() {
  (($# >= 3)) || die "usage: $0 nginx-config PREFIX LISTEN BACKEND..."
  local prefix=$1 listen=$2 backends="" config
  shift 2
  for backend in "$@"; do
    backends+="        server $backend;"$'\n'
  done
  config=$(<"$repo/deploy/nginx.conf")
  config=${config//@PREFIX@/$prefix}
  config=${config//@LISTEN@/$listen}
  config=${config//@BACKENDS@$'\n'/$backends}
  printf '%s\n' "$config"
}

nginx_run() { "$nginx_bin" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/logs/error.log" "$@"; }

as_postgres() {
  if [[ $(id -u) == 0 ]]; then
    su postgres -c "$(printf '%q ' "$@")"
  elif [[ $(id -un) == postgres ]]; then
    "$@"
  else
    sudo -n -u postgres "$@"
  fi
}

start_postgresql() {
  if [[ -n ${WPT_TRYOUT_DB:-} ]]; then
    return
  fi
  if PGPASSWORD=wpt_tryout psql -h 127.0.0.1 -U wpt_tryout -d wpt_tryout -qtAc 'SELECT 1' >/dev/null 2>&1; then
    return
  fi
  command -v pg_ctlcluster >/dev/null || die "PostgreSQL is missing: apt-get install -y postgresql"
  local version
  version=$(ls /etc/postgresql | sort -n | tail -n 1)
  if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online" { found = 1 } END { exit !found }'; then
    say "starting PostgreSQL $version"
    as_postgres pg_ctlcluster "$version" main start || die "could not start PostgreSQL (run as root, or start it yourself)"
  fi
  as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'wpt_tryout'" | grep -q 1 \
    || as_postgres psql -qc "CREATE ROLE wpt_tryout LOGIN PASSWORD 'wpt_tryout'"
  as_postgres psql -qtAc "SELECT 1 FROM pg_database WHERE datname = 'wpt_tryout'" | grep -q 1 \
    || as_postgres psql -qc "CREATE DATABASE wpt_tryout OWNER wpt_tryout"
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # URL PID LOG
  for _ in $(seq 1 180); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then
      return 0
    fi
    if [[ -n $2 ]] && ! kill -0 "$2" 2>/dev/null; then
      tail -n 30 "$3" >&2
      die "stopped before it answered; log: $3"
    fi
    sleep 1
  done
  tail -n 30 "$3" >&2
  die "no answer from $1 within 3 minutes; log: $3"
}

start_instance() { # NUMBER PORT
  local number=$1 port=$2 log="$dir/logs/instance-$1.log"
  mkdir -p "$dir/instance-$number"
  # Each instance has a data folder of its own; the evidence folder is one for all, as every instance of a real
  # installation mounts the same share.
  (
    cd "$dir/instance-$number"
    Storage__Provider=PostgreSql \
    Storage__ConnectionString=${WPT_TRYOUT_DB:-$local_db} \
    Storage__DataDirectory="$dir/instance-$number" \
    Storage__EvidenceDirectory="$dir/evidence" \
    Accounts__Demo=true \
    ASPNETCORE_FORWARDEDHEADERS_ENABLED=true \
      nohup dotnet "$dll" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
    echo $! >"$dir/instance-$number.pid"
  )
  say "instance $number on http://127.0.0.1:$port (log: $log)"
}

start() {
  command -v dotnet >/dev/null || die "the .NET 10 SDK is missing"
  [[ -x $nginx_bin ]] || die "nginx is missing: apt-get install -y nginx"
  command -v curl >/dev/null || die "curl is missing: apt-get install -y curl"
  if [[ -f $dir/nginx/nginx.pid ]] || compgen -G "$dir/instance-*.pid" >/dev/null; then
    die "already started from $dir: $0 stop first"
  fi
  local ports=() backends=()
  for ((i = 0; i < instances; i++)); do
    ports+=($((first_app_port + i)))
    backends+=("127.0.0.1:$((first_app_port + i))")
  done
  for port in "$proxy_port" "${ports[@]}"; do
    port_is_free "$port" || die "port $port is taken (set WPT_TRYOUT_PORT / WPT_TRYOUT_APP_PORT)"
  done

  start_postgresql
  if [[ ${WPT_TRYOUT_NO_BUILD:-} != 1 || ! -f $dll ]]; then
    say "building (Release)"
    dotnet build "$repo/src/WorkPlanTracker" -c Release -v q -nologo >/dev/null
  fi
  mkdir -p "$dir/logs" "$dir/evidence" "$dir/nginx/logs" "$dir/nginx/temp"

  # The first instance alone: it migrates the empty database and imports the sample plans once; then the others.
  start_instance 1 "${ports[0]}"
  wait_for "http://127.0.0.1:${ports[0]}/account/login" "$(cat "$dir/instance-1.pid")" "$dir/logs/instance-1.log"
  for ((i = 1; i < instances; i++)); do
    start_instance $((i + 1)) "${ports[i]}"
  done
  for ((i = 1; i < instances; i++)); do
    wait_for "http://127.0.0.1:${ports[i]}/account/login" "$(cat "$dir/instance-$((i + 1)).pid")" "$dir/logs/instance-$((i + 1)).log"
  done

  nginx_config "$dir/nginx" "127.0.0.1:$proxy_port" "${backends[@]}" >"$dir/nginx/nginx.conf"
  nginx_run -t -q
  nginx_run
  wait_for "http://127.0.0.1:$proxy_port/account/login" "" "$dir/nginx/logs/error.log"

  say "ready: http://127.0.0.1:$proxy_port  (instances: ${backends[*]}; the X-Served-By header names the one that answered)"
  say "demo accounts office / unit / leader, password Demo-Plan-2024 (listed on the login page)"
  if grep -h '初始密码' "$dir"/logs/instance-*.log 2>/dev/null | head -n 1 | grep -q .; then
    say "$(grep -h '初始密码' "$dir"/logs/instance-*.log | head -n 1)"
  fi
  say "stop with: $0 stop"
}

stop_pid_file() { # FILE SIGNAL
  [[ -f $1 ]] || return 0
  local pid
  pid=$(cat "$1")
  if kill -0 "$pid" 2>/dev/null; then
    kill "-$2" "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$1"
}

stop() {
  stop_pid_file "$dir/nginx/nginx.pid" QUIT
  say "nginx stopped"
  for file in "$dir"/instance-*.pid; do
    [[ -f $file ]] || continue
    stop_pid_file "$file" TERM
    say "$(basename "$file" .pid) stopped"
  done
}

status() {
  local any=1
  for file in "$dir/nginx/nginx.pid" "$dir"/instance-*.pid; do
    [[ -f $file ]] || continue
    any=0
    local name
    name=$(basename "$file" .pid)
    if kill -0 "$(cat "$file")" 2>/dev/null; then
      say "$name: running (pid $(cat "$file"))"
    else
      say "$name: not running"
    fi
  done
  ((any == 0)) || say "nothing started from $dir"
}

case ${1:-start} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  nginx-config) shift; nginx_config "$@" ;;
  *) die "usage: $0 [start|stop|status|nginx-config PREFIX LISTEN BACKEND...]" ;;
esac
