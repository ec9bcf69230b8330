{{/*
Alerts from Prometheus' own view of the scrape targets (`up`), so they fire when appmgr itself is gone: the
"no login/game available" alerts come from appmgr's gamecluster_appmgr_apps and fall silent with it. They select the
series the chart's ServiceMonitors produce (job = the app.kubernetes.io/component label, service = the Service name),
so the group is rendered only with metrics.serviceMonitor.enabled. `absent(up{…} == 1)` covers both "no target at
all" and "every target down" (up == 0). Call with $.
*/}}
{{- define "gamecluster.scrapeHealthAlerts" -}}
{{- $full := include "gamecluster.fullname" . -}}
{{- $ns := .Release.Namespace -}}
name: {{ $full }}-scrape-health
rules:
{{- range $c := list (list "appmgr" "admin" "AppmgrDown" "GET /login fails for every new player and login pods cannot hand players to games; the NoLogin/NoGame alerts, which come from appmgr's metrics, cannot fire meanwhile") (list "login" "" "LoginPodsDown" "no player can log in") (list "game" "" "GamePodsDown" "no player can enter a game") }}
{{- $component := index $c 0 }}
{{- $service := printf "%s-%s" $full $component }}
{{- if index $c 1 }}{{ $service = printf "%s-%s" $service (index $c 1) }}{{ end }}
  - alert: Gamecluster{{ index $c 2 }}
    expr: absent(up{job="{{ $component }}", namespace="{{ $ns }}", service="{{ $service }}"} == 1)
    for: 2m
    labels:
      severity: critical
      namespace: {{ $ns | quote }}
    annotations:
      summary: No {{ $component }} pod of {{ $full }} is up
      description: Prometheus has scraped no {{ $component }} pod behind {{ $ns }}/{{ $service }} for 2 minutes; {{ index $c 3 }}.
{{- end }}
{{- end -}}
