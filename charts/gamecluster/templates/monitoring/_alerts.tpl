{{/*
The chart's alert rules (the `spec` of its PrometheusRule), generated per release. Every expression is scoped to this
release's pods — `namespace="<ns>", pod=~"<fullname>-(appmgr|login|game)-<hash>-<suffix>"` — so two releases in
one namespace never mask or double each other. `namespace` and `pod` are the target labels every supported scrape sets:
the chart's ServiceMonitors and PodMonitors, and annotation-based discovery (kube-prometheus, the prometheus chart);
nothing depends on the `job` name, which differs between them. A pod scraped by two jobs counts once (`max by (pod)`,
ratios). Every rule links its runbook (docs/operations.md "Alert runbooks"). Call with $.
*/}}
{{- define "gamecluster.alertRules" -}}
{{- $full := include "gamecluster.fullname" . -}}
{{- $ns := .Release.Namespace -}}
{{- $pr := .Values.metrics.prometheusRule -}}
{{- $base := $pr.runbookBaseUrl | default "https://github.com/gamecluster/gamecluster/blob/main/docs/operations.md" -}}
{{- $scope := dict -}}
{{- range $c := list "appmgr" "login" "game" -}}
{{- $_ := set $scope $c (printf "namespace=%q, pod=~%q" $ns (include "gamecluster.podRegex" (dict "ctx" $ "components" (list $c)))) -}}
{{- end -}}
{{- $pods := printf "namespace=%q, pod=~%q" $ns (include "gamecluster.podRegex" (dict "ctx" $ "components" (list "appmgr" "login" "game"))) -}}
{{- $tcp := printf "namespace=%q, pod=~%q" $ns (include "gamecluster.podRegex" (dict "ctx" $ "components" (list "login" "game"))) -}}
groups:
  - name: {{ $full }}-availability
    rules:
      {{- /*
      From Prometheus' own view of the scrape targets, so they fire when appmgr itself is gone (the NoLogin/NoGame
      alerts below come from appmgr's metric and fall silent with it). `absent(up{…} == 1)` covers "no target at all"
      and "every target down".
      */}}
      {{- range $c := list (list "appmgr" "AppmgrDown" "GET /login fails for every new player and login pods cannot hand players to games; the NoLogin/NoGame alerts, which come from appmgr's metrics, cannot fire meanwhile") (list "login" "LoginPodsDown" "no player can log in") (list "game" "GamePodsDown" "no player can enter a game") }}
      {{- $component := index $c 0 }}
      - alert: Gamecluster{{ index $c 1 }}
        expr: absent(up{ {{- get $scope $component -}} } == 1)
        for: 2m
        labels:
          severity: critical
          namespace: {{ $ns | quote }}
          component: {{ $component }}
        annotations:
          summary: No {{ $component }} pod of {{ $full }} is up
          description: Prometheus has scraped no {{ $component }} pod of {{ $ns }}/{{ $full }} for 2 minutes; {{ index $c 2 }}.
          runbook_url: {{ printf "%s#gamecluster%s" $base (lower (index $c 1)) }}
      {{- end }}
      {{- range $c := list (list "login" "NoLoginAvailable" "every GET /login answers 503 {\"returncode\":4}; new players cannot log in") (list "game" "NoGameAvailable" "login pods cannot hand players over (EnterGame answers NO_APP)") }}
      - alert: Gamecluster{{ index $c 1 }}
        # appmgr sees no ready {{ index $c 0 }} pod below capacity.
        expr: max by (namespace) (gamecluster_appmgr_apps{app_type="{{ index $c 0 }}", state="ready", {{ get $scope "appmgr" }}}) < 1
        for: 1m
        labels:
          severity: critical
          component: {{ index $c 0 }}
        annotations:
          summary: No {{ index $c 0 }} pod of {{ $full }} is available
          description: appmgr in {{ "{{" }} $labels.namespace {{ "}}" }} has had no ready {{ index $c 0 }} pod for 1 minute; {{ index $c 2 }}.
          runbook_url: {{ printf "%s#gameclusterno%savailable" $base (index $c 0) }}
      {{- end }}
  - name: {{ $full }}-dependencies
    rules:
      - alert: GameclusterRedisDown
        # Pods failing their Redis commands: logins stop after STALE_MS, tokens cannot be issued or redeemed.
        expr: count by (namespace) (max by (namespace, pod) (gamecluster_redis_up{ {{- $pods -}} }) == 0) > 0
        for: 1m
        labels:
          severity: critical
        annotations:
          summary: Redis unreachable from {{ $full }}
          description: "{{ "{{" }} $value {{ "}}" }} pod(s) of {{ $full }} in {{ "{{" }} $labels.namespace {{ "}}" }} cannot reach Redis."
          runbook_url: {{ printf "%s#gameclusterredisdown" $base }}
      - alert: GameclusterHeartbeatErrors
        # A pod whose heartbeats fail drops out of the registry after APP_TTL_MS and gets no new players. A ratio, not
        # any error: one failed write during a Redis failover is not worth a page.
        expr: |-
          sum by (namespace, app_type) (rate(gamecluster_heartbeats_total{result="error", {{ $tcp }}}[10m]))
            / sum by (namespace, app_type) (rate(gamecluster_heartbeats_total{ {{- $tcp -}} }[10m]))
            > {{ $pr.heartbeatErrorRatio | default 0.05 }}
        for: 5m
        labels:
          severity: warning
        annotations:
          summary: Heartbeats to Redis are failing
          description: "{{ "{{" }} $value | humanizePercentage {{ "}}" }} of the heartbeats of {{ $full }}'s {{ "{{" }} $labels.app_type {{ "}}" }} pods in {{ "{{" }} $labels.namespace {{ "}}" }} fail (over 10 minutes)."
          runbook_url: {{ printf "%s#gameclusterheartbeaterrors" $base }}
{{- end -}}
