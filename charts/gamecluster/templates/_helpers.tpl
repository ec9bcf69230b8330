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

{{/* The top-level gamecluster image (tag default: the chart's appVersion): the helm-test Pod's. */}}
{{- define "gamecluster.image" -}}
{{- include "gamecluster.imageRef" (dict "image" .Values.image "global" .Values.global "defaultTag" .Chart.AppVersion) -}}
{{- end -}}

{{/*
A component's image values: `<component>.image` keys that are set, over the top-level `image`. Each Deployment's pod
template names only its own, so an appmgr hotfix (appmgr.image.tag) rolls no login or game pod. Returns YAML.
Call with (dict "ctx" $ "component" "appmgr").
*/}}
{{- define "gamecluster.componentImageValues" -}}
{{- $own := (index .ctx.Values .component).image | default dict -}}
{{- toYaml (mergeOverwrite (deepCopy .ctx.Values.image) (deepCopy $own)) -}}
{{- end -}}

{{/* A component's image reference. Call with (dict "ctx" $ "component" "appmgr"). */}}
{{- define "gamecluster.componentImage" -}}
{{- $img := include "gamecluster.componentImageValues" . | fromYaml -}}
{{- include "gamecluster.imageRef" (dict "image" $img "global" .ctx.Values.global "defaultTag" .ctx.Chart.AppVersion) -}}
{{- end -}}

{{/* A component's imagePullPolicy. Call with (dict "ctx" $ "component" "appmgr"). */}}
{{- define "gamecluster.componentPullPolicy" -}}
{{- (include "gamecluster.componentImageValues" . | fromYaml).pullPolicy -}}
{{- end -}}

{{/* A component's preStop sleep: `<component>.preStopSleepSeconds`, or the top-level one when null. */}}
{{- define "gamecluster.preStopSeconds" -}}
{{- $own := (index .ctx.Values .component).preStopSleepSeconds -}}
{{- if kindIs "invalid" $own }}{{ .ctx.Values.preStopSleepSeconds | int }}{{ else }}{{ $own | int }}{{ end -}}
{{- end -}}

{{/*
A component's Deployment strategy: `<component>.strategy` when set, else RollingUpdate that brings a new pod up before
an old one drains — except login/game under expose.mode=hostPort, where a surge pod could wait forever for a node
whose fixed host port its predecessor holds. Call with (dict "ctx" $ "component" "login").
*/}}
{{- define "gamecluster.strategy" -}}
{{- $own := (index .ctx.Values .component).strategy -}}
{{- if $own -}}
{{- toYaml $own -}}
{{- else if and (ne .component "appmgr") (eq .ctx.Values.expose.mode "hostPort") -}}
type: RollingUpdate
rollingUpdate:
  maxSurge: 0
  maxUnavailable: 1
{{- else -}}
type: RollingUpdate
rollingUpdate:
  maxSurge: 1
  maxUnavailable: 0
{{- end -}}
{{- end -}}

{{/*
A component's topologySpreadConstraints (its own list, else the top-level one), each entry completed with the
component's labelSelector and matchLabelKeys [pod-template-hash] (only the pods of one ReplicaSet are counted, so a
rollout's new pods spread on their own instead of piling beside the old ones). Returns a YAML list ("" when none).
Call with (dict "ctx" $ "component" "login").
*/}}
{{- define "gamecluster.spread" -}}
{{- $list := (index .ctx.Values .component).topologySpreadConstraints | default .ctx.Values.topologySpreadConstraints -}}
{{- $sel := include "gamecluster.selectorLabels" . | fromYaml -}}
{{- $out := list -}}
{{- range $list -}}
{{- $tsc := deepCopy . -}}
{{- if not $tsc.labelSelector }}{{ $_ := set $tsc "labelSelector" (dict "matchLabels" $sel) }}{{ end -}}
{{- if not (hasKey $tsc "matchLabelKeys") }}{{ $_ := set $tsc "matchLabelKeys" (list "pod-template-hash") }}{{ end -}}
{{- $out = append $out $tsc -}}
{{- end -}}
{{- if $out }}{{ toYaml $out }}{{ end -}}
{{- end -}}

{{/* A component's PodDisruptionBudget values: `<component>.podDisruptionBudget` over the top-level one. Returns YAML. */}}
{{- define "gamecluster.pdbValues" -}}
{{- toYaml (mergeOverwrite (deepCopy .ctx.Values.podDisruptionBudget) (deepCopy ((index .ctx.Values .component).podDisruptionBudget | default dict))) -}}
{{- end -}}

{{/*
True ("true") when pods carry prometheus.io/* annotations: metrics.podAnnotations, unless the Operator's monitors are
on — a Prometheus doing both would scrape every pod twice and double every sum (dashboards, KEDA).
*/}}
{{- define "gamecluster.annotationScrape" -}}
{{- if and .Values.metrics.podAnnotations (not .Values.metrics.serviceMonitor.enabled) }}true{{ end -}}
{{- end -}}

{{/*
What a hostNetwork login/game pod publishes about the metrics port it bound (SCRAPE_ANNOTATIONS): `on` for annotation
scraping (prometheus.io/* and gamecluster.io/metrics-port), `port` for the PodMonitor (gamecluster.io/metrics-port
only), `off` when nothing scrapes it. Other modes: `off` (the port is declared).
*/}}
{{- define "gamecluster.scrapeAnnotationsMode" -}}
{{- if ne .Values.expose.mode "hostNetwork" -}}off
{{- else if include "gamecluster.annotationScrape" . -}}on
{{- else if .Values.metrics.serviceMonitor.enabled -}}port
{{- else -}}off
{{- end -}}
{{- end -}}

{{/*
This release's pods of some components as a PromQL matcher value: Deployment pods are `<deployment>-<hash>-<suffix>`,
so `<fullname>-(appmgr|login)-<hash>-<suffix>` names exactly them (never another release's, even one whose name
starts like ours). Call with (dict "ctx" $ "components" (list "login" "game")).
*/}}
{{- define "gamecluster.podRegex" -}}
{{- printf "%s-(%s)-[a-z0-9]+-[a-z0-9]+" (include "gamecluster.fullname" .ctx | regexQuoteMeta) (join "|" .components) -}}
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
hostNetwork pods that something scrapes (their metrics port is only known at start).
*/}}
{{- define "gamecluster.needsPodPatch" -}}
{{- if or .Values.game.scaleDownProtection.enabled (ne (include "gamecluster.scrapeAnnotationsMode" .) "off") }}true{{ end -}}
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
{{- if include "gamecluster.annotationScrape" .ctx }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: /metrics
{{- end }}
{{- end -}}

{{/* The grace period must cover the preStop sleep plus the drain; fail early instead of kicking players. */}}
{{- define "gamecluster.checkGrace" -}}
{{- $grace := int .ctx.Values.terminationGracePeriodSeconds -}}
{{- $need := add (int (include "gamecluster.preStopSeconds" .)) (div (add (int .drainTimeoutMs) 999) 1000) -}}
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
