{{/* Object name prefix: the release name (so release "gc" gives gc-appmgr, gc-login, ...), or fullnameOverride. */}}
{{- define "gamecluster.fullname" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 45 | trimSuffix "-" -}}
{{- end -}}

{{- define "gamecluster.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every object. Call with (dict "ctx" $ "component" "appmgr"). */}}
{{- define "gamecluster.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .ctx.Chart.Name .ctx.Chart.Version | replace "+" "_" }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: gamecluster
{{ include "gamecluster.selectorLabels" . }}
{{- end -}}

{{/* The immutable subset used by selectors. */}}
{{- define "gamecluster.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gamecluster.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/*
An image reference `[<registry>/]<repository>[:<tag>][@<digest>]`. Call with
(dict "image" .Values.image "global" .Values.global "defaultTag" .Chart.AppVersion). global.imageRegistry wins over
the image's own registry; an empty registry leaves the repository as given (skaffold passes a full repository and
`tag@digest` as the tag).
*/}}
{{- define "gamecluster.imageRef" -}}
{{- $registry := .image.registry | default "" -}}
{{- with .global }}{{ with .imageRegistry }}{{ $registry = . }}{{ end }}{{ end -}}
{{- $ref := .image.repository -}}
{{- if $registry }}{{ $ref = printf "%s/%s" (trimSuffix "/" $registry) $ref }}{{ end -}}
{{- $tag := .image.tag | default .defaultTag | toString -}}
{{- if $tag }}{{ $ref = printf "%s:%s" $ref $tag }}{{ end -}}
{{- with .image.digest }}{{ $ref = printf "%s@%s" $ref . }}{{ end -}}
{{- $ref -}}
{{- end -}}

{{/* The one gamecluster image (tag default: the chart's appVersion). */}}
{{- define "gamecluster.image" -}}
{{- include "gamecluster.imageRef" (dict "image" .Values.image "global" .Values.global "defaultTag" .Chart.AppVersion) -}}
{{- end -}}

{{/* The dev Redis image. */}}
{{- define "gamecluster.redisImage" -}}
{{- include "gamecluster.imageRef" (dict "image" .Values.redis.image "global" .Values.global "defaultTag" "") -}}
{{- end -}}

{{/* Pod-level securityContext: the image's non-root `node` user (uid 1000), with .Values.podSecurityContext merged over it. */}}
{{- define "gamecluster.podSecurityContext" -}}
{{- $default := dict "runAsNonRoot" true "runAsUser" 1000 "runAsGroup" 1000 "fsGroup" 1000 "seccompProfile" (dict "type" "RuntimeDefault") -}}
{{- toYaml (mergeOverwrite $default (deepCopy (.Values.podSecurityContext | default dict))) -}}
{{- end -}}

{{/* Container securityContext, with .Values.containerSecurityContext merged over the locked-down default. */}}
{{- define "gamecluster.containerSecurityContext" -}}
{{- $default := dict "runAsNonRoot" true "allowPrivilegeEscalation" false "readOnlyRootFilesystem" true "privileged" false "capabilities" (dict "drop" (list "ALL")) -}}
{{- toYaml (mergeOverwrite $default (deepCopy (.Values.containerSecurityContext | default dict))) -}}
{{- end -}}

{{/* The ServiceAccount name the chart's pods use. */}}
{{- define "gamecluster.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- .Values.serviceAccount.name | default (include "gamecluster.fullname" .) -}}
{{- else -}}
{{- .Values.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end -}}

{{/* True ("true") when login/game pods look their Node up through the API (host modes without expose.advertiseHost). */}}
{{- define "gamecluster.needsNodeLookup" -}}
{{- if and (ne .Values.expose.mode "podIP") (not .Values.expose.advertiseHost) }}true{{ end -}}
{{- end -}}

{{/*
True ("true") when some pods patch their own annotations: game.scaleDownProtection (pod-deletion-cost) or
hostNetwork with metrics.podAnnotations (the scrape port is only known at start).
*/}}
{{- define "gamecluster.needsPodPatch" -}}
{{- if or .Values.game.scaleDownProtection.enabled (and (eq .Values.expose.mode "hostNetwork") .Values.metrics.podAnnotations) }}true{{ end -}}
{{- end -}}

{{/*
A container's env: the chart's entries (a YAML list in .env) with each name also in .extra replaced in place by the
user's entry (one entry per name: a duplicate is an error under server-side apply), then the user's other entries.
Call with (dict "env" <yaml string> "extra" <list of EnvVar>).
*/}}
{{- define "gamecluster.mergeEnv" -}}
{{- $extra := .extra | default list -}}
{{- $byName := dict -}}
{{- range $extra }}{{ $_ := set $byName .name . }}{{ end -}}
{{- $out := list -}}
{{- $used := dict -}}
{{- range (.env | fromYamlArray) -}}
{{- if hasKey $byName .name -}}
{{- if not (hasKey $used .name) }}{{ $out = append $out (get $byName .name) }}{{ $_ := set $used .name true }}{{ end -}}
{{- else -}}
{{- $out = append $out . -}}
{{- end -}}
{{- end -}}
{{- range $extra -}}
{{- if not (hasKey $used .name) }}{{ $out = append $out . }}{{ $_ := set $used .name true }}{{ end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* REDIS_URL (gamecluster.redisEnv) is defined in redis/_redis.tpl with the bundled Redis' password Secret. */}}

{{/* Env every service reads. */}}
{{- define "gamecluster.commonEnv" -}}
{{ include "gamecluster.redisEnv" . }}
- name: PREFIX
  value: {{ .Values.config.prefix | quote }}
- name: LOG_LEVEL
  value: {{ .Values.config.logLevel | quote }}
- name: HEARTBEAT_MS
  value: {{ .Values.config.heartbeatMs | int64 | quote }}
- name: APP_TTL_MS
  value: {{ .Values.config.appTtlMs | int64 | quote }}
- name: STALE_MS
  value: {{ .Values.config.staleMs | int64 | quote }}
{{- end -}}

{{/* Prometheus scrape annotations for annotation-based discovery. Call with (dict "ctx" $ "port" 9100). */}}
{{- define "gamecluster.scrapeAnnotations" -}}
{{- if .ctx.Values.metrics.podAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: /metrics
{{- end }}
{{- end -}}

{{/* The grace period must cover the preStop sleep plus the drain; fail early instead of kicking players. */}}
{{- define "gamecluster.checkGrace" -}}
{{- $grace := int .ctx.Values.terminationGracePeriodSeconds -}}
{{- $need := add (int .ctx.Values.preStopSleepSeconds) (div (add (int .drainTimeoutMs) 999) 1000) -}}
{{- if le $grace (int $need) -}}
{{- fail (printf "terminationGracePeriodSeconds=%d must exceed preStopSleepSeconds + %s.drainTimeoutMs/1000 = %d" $grace .component $need) -}}
{{- end -}}
{{- end -}}

{{/*
The WORKERS env var of a container (docs/architecture.md "Multi-core workers"). An integer is passed as is. "auto" with a CPU limit becomes
the limit rounded up, read by the kubelet through the downward API (limits.cpu with divisor 1: 500m → 1, 1500m → 2,
4 → 4), so the pod runs one worker per CPU it may use and never more processes than its quota can run. "auto"
without a CPU limit stays "auto": the process then takes min(CPUs it may run on, its cgroup CPU quota).
Call with (dict "c" <component values> "container" <container name>).
*/}}
{{- define "gamecluster.workersEnv" -}}
- name: WORKERS
{{- $limits := (.c.resources | default dict).limits | default dict }}
{{- if and (eq (toString .c.workers) "auto") $limits.cpu }}
  valueFrom:
    resourceFieldRef:
      containerName: {{ .container }}
      resource: limits.cpu
      divisor: "1"
{{- else }}
  value: {{ .c.workers | toString | quote }}
{{- end }}
{{- end -}}
