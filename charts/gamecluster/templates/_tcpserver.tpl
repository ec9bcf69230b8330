{{/*
The login and game Deployments, Services, PDBs, HPAs, KEDA ScaledObjects and ServiceMonitors differ only in their command,
ports and a few env vars, so they share these definitions. Call with (dict "ctx" $ "component" "login").
*/}}

{{- define "gamecluster.tcpDeployment" -}}
{{- $ := .ctx -}}
{{- $c := index $.Values .component -}}
{{- $name := printf "%s-%s" (include "gamecluster.fullname" $) .component -}}
{{- include "gamecluster.checkGrace" (dict "ctx" $ "component" .component "drainTimeoutMs" $c.drainTimeoutMs) -}}
{{- if and (eq .component "login") (eq $.Values.auth.mode "http") (not $.Values.auth.url) -}}
{{- fail "auth: auth.mode=http needs auth.url" -}}
{{- end -}}
{{- $mode := $.Values.expose.mode -}}
{{- $hostNet := eq $mode "hostNetwork" -}}
{{- $costOn := and (eq .component "game") ($c.scaleDownProtection | default dict).enabled -}}
{{- $scrapePatch := ne (include "gamecluster.scrapeAnnotationsMode" $) "off" -}}
{{- if and (eq .component "login") ($c.scaleDownProtection | default dict).enabled -}}
{{- fail "login.scaleDownProtection: only game pods keep a pod-deletion-cost (set game.scaleDownProtection)" -}}
{{- end -}}
{{- $apiToken := or (include "gamecluster.needsNodeLookup" $) $costOn $scrapePatch -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  labels:
    {{- include "gamecluster.labels" . | nindent 4 }}
spec:
  {{- if not (or $c.autoscaling.enabled ($c.autoscaling.keda | default dict).enabled) }}
  replicas: {{ $c.replicas }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "gamecluster.selectorLabels" . | nindent 6 }}
  # New pods come up before old ones drain (hostPort: replaced in place, a surge pod could not get the node's port).
  strategy:
    {{- include "gamecluster.strategy" . | nindent 4 }}
  # A new pod stays ready this long before the next old one drains: players of one drained pod reconnect first.
  minReadySeconds: {{ $c.minReadySeconds }}
  template:
    metadata:
      labels:
        {{- include "gamecluster.selectorLabels" . | nindent 8 }}
        {{- with $.Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- /* hostNetwork: the metrics port is chosen at start, so no static prometheus.io/port (docs/operations.md). */}}
      {{- $scrape := include "gamecluster.scrapeAnnotations" (dict "ctx" $ "port" $c.metricsPort) | fromYaml }}
      {{- if $hostNet }}{{ $scrape = omit $scrape "prometheus.io/port" "prometheus.io/scrape" "prometheus.io/path" }}{{ end }}
      {{- /* Node consolidation (Karpenter, cluster-autoscaler) must not evict pods that hold players. */}}
      {{- $disrupt := dict }}
      {{- if $c.doNotDisrupt }}{{ $disrupt = dict "karpenter.sh/do-not-disrupt" "true" "cluster-autoscaler.kubernetes.io/safe-to-evict" "false" }}{{ end }}
      {{- $ann := merge (dict) $c.podAnnotations $disrupt $scrape }}
      {{- with $ann }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      serviceAccountName: {{ include "gamecluster.serviceAccountName" $ }}
      {{- if $apiToken }}
      # The Node lookup (host modes) and/or the pod-deletion-cost patches call the Kubernetes API.
      automountServiceAccountToken: true
      {{- else }}
      automountServiceAccountToken: false
      {{- end }}
      {{- if $hostNet }}
      hostNetwork: true
      dnsPolicy: ClusterFirstWithHostNet
      {{- end }}
      {{- with $.Values.priorityClassName }}
      priorityClassName: {{ . | quote }}
      {{- end }}
      {{- with include "gamecluster.spread" . }}
      topologySpreadConstraints:
        {{- . | nindent 8 }}
      {{- end }}
      {{- with $.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      # Longer than preStop + DRAIN_TIMEOUT_MS: players get the whole drain before the kill.
      terminationGracePeriodSeconds: {{ $.Values.terminationGracePeriodSeconds }}
      securityContext:
        {{- include "gamecluster.podSecurityContext" $ | nindent 8 }}
      containers:
        - name: {{ .component }}
          image: {{ include "gamecluster.componentImage" . | quote }}
          imagePullPolicy: {{ include "gamecluster.componentPullPolicy" . }}
          args: [{{ .component | quote }}]
          {{- if not $hostNet }}
          {{- /* hostNetwork: no declared ports (each would become a fixed host port); the pod picks them from portRange. */}}
          ports:
            - name: tcp
              containerPort: {{ $c.port }}
              protocol: TCP
              {{- if eq $mode "hostPort" }}
              hostPort: {{ $c.port }}
              {{- end }}
            {{- if gt (int $c.wsPort) 0 }}
            - name: ws
              containerPort: {{ $c.wsPort }}
              protocol: TCP
              {{- if eq $mode "hostPort" }}
              hostPort: {{ $c.wsPort }}
              {{- end }}
            {{- end }}
            - name: metrics
              containerPort: {{ $c.metricsPort }}
              protocol: TCP
          {{- end }}
          env:
            {{- include "gamecluster.mergeEnv" (dict "env" (include "gamecluster.tcpEnv" (dict "ctx" $ "component" .component)) "extra" $c.extraEnv) | nindent 12 }}
          livenessProbe:
            {{- if $hostNet }}
            exec:
              command: ["gamecluster", "probe", "healthz"]
            {{- else }}
            httpGet:
              path: /healthz
              port: metrics
            {{- end }}
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            {{- if $hostNet }}
            # The ports are chosen at start: `gamecluster probe` reads them from PORTS_FILE.
            exec:
              command: ["gamecluster", "probe", "readyz"]
            {{- else }}
            httpGet:
              path: /readyz
              port: metrics
            {{- end }}
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 2
          lifecycle:
            # The process drains itself on SIGTERM; the short wait first lets endpoint removal propagate.
            preStop:
              exec:
                command: ["sleep", {{ include "gamecluster.preStopSeconds" . | quote }}]
          resources:
            {{- toYaml $c.resources | nindent 12 }}
          securityContext:
            {{- include "gamecluster.containerSecurityContext" $ | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- if eq .component "login" }}
            {{- include "gamecluster.grpcTlsMount" $ | nindent 12 }}
            {{- end }}
            {{- if $.Values.tls.enabled }}
            # A Secret volume, not subPath: Kubernetes swaps the files on rotation and the pod re-reads them.
            - name: client-tls
              mountPath: /etc/gamecluster/tls
              readOnly: true
            {{- end }}
      volumes:
        # The root filesystem is read-only; node and libraries may still want a scratch /tmp.
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
        {{- if eq .component "login" }}
        {{- include "gamecluster.grpcTlsVolume" $ | nindent 8 }}
        {{- end }}
        {{- if $.Values.tls.enabled }}
        - name: client-tls
          secret:
            secretName: {{ required "tls.enabled needs tls.secretName (a kubernetes.io/tls Secret)" $.Values.tls.secretName }}
        {{- end }}
      {{- with $c.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $c.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $c.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}

{{/*
The login/game container's own env (merged with <component>.extraEnv by gamecluster.mergeEnv). Call with
(dict "ctx" $ "component" "login").
*/}}
{{- define "gamecluster.tcpEnv" -}}
{{- $ := .ctx -}}
{{- $c := index $.Values .component -}}
{{- $mode := $.Values.expose.mode -}}
{{- $hostNet := eq $mode "hostNetwork" -}}
{{- $costOn := and (eq .component "game") ($c.scaleDownProtection | default dict).enabled -}}
{{- $scrapeMode := include "gamecluster.scrapeAnnotationsMode" $ -}}
{{- $scrapePatch := ne $scrapeMode "off" -}}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_IP
  valueFrom:
    fieldRef:
      fieldPath: status.podIP
- name: APP_ID
  value: $(POD_NAME)
- name: EXPOSE_MODE
  value: {{ $mode | quote }}
{{- if eq $mode "podIP" }}
- name: ADVERTISE_HOST
  value: $(POD_IP)
{{- else }}
{{- /* Host modes: the Node's address from the API (never silently the pod IP), unless advertiseHost is given.
NODE_NAME comes first so an advertiseHost like `$(NODE_NAME).nodes.example.com` is expanded by the kubelet. */}}
- name: NODE_NAME
  valueFrom:
    fieldRef:
      fieldPath: spec.nodeName
{{- with $.Values.expose.advertiseHost }}
- name: ADVERTISE_HOST
  value: {{ . | quote }}
{{- end }}
- name: NODE_ADDRESS_TYPES
  value: {{ join "," $.Values.expose.addressType | quote }}
- name: NODE_LOOKUP_RETRY_MS
  value: {{ $.Values.expose.nodeLookupRetryMs | int64 | quote }}
{{- end }}
{{- if $hostNet }}
{{- include "gamecluster.checkPortRanges" $ }}
- name: PORT_RANGE
  value: {{ $.Values.expose.portRange | quote }}
# /metrics, /healthz and /readyz on a port of this range, never in PORT_RANGE (the range open to players).
- name: METRICS_PORT_RANGE
  value: {{ $.Values.expose.metricsPortRange | quote }}
- name: PORTS_FILE
  value: /tmp/gamecluster-ports.json
{{- else }}
- name: ADVERTISE_PORT
  value: {{ $c.port | int64 | quote }}
- name: PORT
  value: {{ $c.port | int64 | quote }}
- name: METRICS_PORT
  value: {{ $c.metricsPort | int64 | quote }}
{{- end }}
{{- /* hostNetwork: any value > 0 turns the listener on, on a free port of expose.portRange (advertised as bound). */}}
- name: WS_PORT
  value: {{ $c.wsPort | int64 | quote }}
{{- with $c.nodeOptions }}
- name: NODE_OPTIONS
  value: {{ . | quote }}
{{- end }}
{{- if or $costOn $scrapePatch }}
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
{{- end }}
{{- if $costOn }}
- name: POD_DELETION_COST
  value: "on"
- name: POD_DELETION_COST_INTERVAL_MS
  value: {{ $c.scaleDownProtection.intervalMs | int64 | quote }}
{{- end }}
{{- if $scrapePatch }}
# The metrics port is chosen at start: the pod publishes it in its own annotations (on: prometheus.io/* too; port:
# gamecluster.io/metrics-port only, which the PodMonitor reads).
- name: SCRAPE_ANNOTATIONS
  value: {{ $scrapeMode | quote }}
{{- end }}
{{- include "gamecluster.workersEnv" (dict "c" $c "container" .component) | nindent 0 }}
- name: CAPACITY
  value: {{ $c.capacity | int64 | quote }}
- name: TOKEN_TTL_MS
  value: {{ $.Values.config.tokenTtlMs | int64 | quote }}
- name: AUTH_TIMEOUT_MS
  value: {{ $c.authTimeoutMs | int64 | quote }}
- name: IDLE_TIMEOUT_MS
  value: {{ $c.idleTimeoutMs | int64 | quote }}
- name: MAX_FRAMES_PER_SEC
  value: {{ $c.maxFramesPerSec | int64 | quote }}
- name: MAX_WRITE_BUFFER
  value: {{ $c.maxWriteBuffer | int64 | quote }}
- name: FRAME_TIMEOUT_MS
  value: {{ $c.frameTimeoutMs | int64 | quote }}
- name: MAX_CONNECTIONS_PER_IP
  value: {{ $c.maxConnectionsPerIp | int64 | quote }}
{{- with $c.wsMaxMessageBytes }}
- name: WS_MAX_MESSAGE_BYTES
  value: {{ . | int64 | quote }}
{{- end }}
{{- with $.Values.config.wsAllowedOrigins }}
- name: WS_ALLOWED_ORIGINS
  value: {{ join "," . | quote }}
{{- end }}
- name: DRAIN_TIMEOUT_MS
  value: {{ $c.drainTimeoutMs | int64 | quote }}
{{- if eq .component "game" }}
{{- /* Module state and away players live in one process (docs/architecture.md "Game modules"). */}}
{{- if and (ne (toString $c.workers) "1") (or (gt (int64 $c.resumeGraceMs) 0) (ne (toString $c.module) "echo")) }}
{{- fail (printf "game.workers=%v needs game.module=echo and game.resumeGraceMs=0: a game module's state and the players inside the resume grace live in one process (scale game pods with replicas)" $c.workers) }}
{{- end }}
- name: GAME_MODULE
  value: {{ $c.module | quote }}
- name: RESUME_GRACE_MS
  value: {{ $c.resumeGraceMs | int64 | quote }}
{{- if hasKey $c "resumeMinLiveMs" }}
- name: RESUME_MIN_LIVE_MS
  value: {{ $c.resumeMinLiveMs | int64 | quote }}
{{- end }}
{{- with $c.tickDeadlineMs }}
- name: TICK_DEADLINE_MS
  value: {{ . | int64 | quote }}
{{- end }}
{{- end }}
{{- if $.Values.tls.enabled }}
- name: TLS_CERT_FILE
  value: /etc/gamecluster/tls/tls.crt
- name: TLS_KEY_FILE
  value: /etc/gamecluster/tls/tls.key
{{- end }}
{{- if eq .component "login" }}
# Headless Service + dns:/// gives grpc-js every appmgr pod IP, so calls round-robin over replicas.
- name: APPMGR_GRPC
  value: {{ printf "dns:///%s-appmgr-grpc:%d" (include "gamecluster.fullname" $) (int $.Values.appmgr.grpcPort) | quote }}
{{- include "gamecluster.grpcAuthEnv" (dict "ctx" $ "role" "client") | nindent 0 }}
- name: AUTH_MODE
  value: {{ $.Values.auth.mode | quote }}
{{- if $.Values.auth.url }}
- name: AUTH_URL
  value: {{ $.Values.auth.url | quote }}
{{- end }}
{{- end }}
{{- include "gamecluster.commonEnv" $ | nindent 0 }}
{{- end -}}

{{/*
hostNetwork: portRange (open to players) and metricsPortRange (closed) must be valid and disjoint, or /metrics and
the probes would sit in the range the firewall opens. The pod refuses it too (METRICS_PORT_RANGE); this fails the
render first. Call with $.
*/}}
{{- define "gamecluster.checkPortRanges" -}}
{{- $a := splitList "-" .Values.expose.portRange -}}
{{- $b := splitList "-" .Values.expose.metricsPortRange -}}
{{- $alo := index $a 0 | int }}{{ $ahi := index $a 1 | int }}{{ $blo := index $b 0 | int }}{{ $bhi := index $b 1 | int -}}
{{- if or (gt $alo $ahi) (gt $blo $bhi) (lt $alo 1024) (lt $blo 1024) (gt $ahi 65535) (gt $bhi 65535) -}}
{{- fail (printf "expose: portRange=%s and metricsPortRange=%s must be LOW-HIGH within 1024-65535" .Values.expose.portRange .Values.expose.metricsPortRange) -}}
{{- end -}}
{{- if and (le $alo $bhi) (le $blo $ahi) -}}
{{- fail (printf "expose: metricsPortRange=%s overlaps portRange=%s: /metrics, /healthz and /readyz must stay off the range open to players" .Values.expose.metricsPortRange .Values.expose.portRange) -}}
{{- end -}}
{{- end -}}

{{/* Headless Service: Prometheus (ServiceMonitor) discovers the pods through it; clients connect to advertised IPs. */}}
{{- define "gamecluster.tcpService" -}}
{{- $ := .ctx -}}
{{- $c := index $.Values .component -}}
{{- /* hostNetwork pods declare no ports (they pick them at start), so a Service could not name any. */}}
{{- if ne $.Values.expose.mode "hostNetwork" }}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "gamecluster.fullname" $ }}-{{ .component }}
  labels:
    {{- include "gamecluster.labels" . | nindent 4 }}
    gamecluster.io/metrics: "true"
spec:
  clusterIP: None
  selector:
    {{- include "gamecluster.selectorLabels" . | nindent 4 }}
  ports:
    - name: tcp
      port: {{ $c.port }}
      targetPort: tcp
      protocol: TCP
    {{- if gt (int $c.wsPort) 0 }}
    - name: ws
      port: {{ $c.wsPort }}
      targetPort: ws
      protocol: TCP
    {{- end }}
    - name: metrics
      port: {{ $c.metricsPort }}
      targetPort: metrics
      protocol: TCP
{{- end }}
{{- end -}}

{{/*
A component's PodDisruptionBudget (`<component>.podDisruptionBudget` over the top-level one). unhealthyPodEvictionPolicy
AlwaysAllow by default: a pod that is not ready (a host-mode pod waiting for its Node's address, a crash loop) may be
evicted, so it never blocks a node drain or a managed node-group upgrade. Call with (dict "ctx" $ "component" "game").
*/}}
{{- define "gamecluster.pdb" -}}
{{- $ := .ctx -}}
{{- $pdb := include "gamecluster.pdbValues" . | fromYaml -}}
{{- if $pdb.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "gamecluster.fullname" $ }}-{{ .component }}
  labels:
    {{- include "gamecluster.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ $pdb.maxUnavailable }}
  unhealthyPodEvictionPolicy: {{ $pdb.unhealthyPodEvictionPolicy }}
  selector:
    matchLabels:
      {{- include "gamecluster.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end -}}

{{- define "gamecluster.hpa" -}}
{{- $ := .ctx -}}
{{- $c := index $.Values .component -}}
{{- if $c.autoscaling.enabled }}
{{- if not (and $c.resources.requests $c.resources.requests.cpu) -}}
{{- fail (printf "%s.autoscaling needs %s.resources.requests.cpu (the HPA's utilisation is relative to it)" .component .component) -}}
{{- end }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "gamecluster.fullname" $ }}-{{ .component }}
  labels:
    {{- include "gamecluster.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "gamecluster.fullname" $ }}-{{ .component }}
  minReplicas: {{ $c.autoscaling.minReplicas }}
  maxReplicas: {{ $c.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $c.autoscaling.targetCPUUtilizationPercentage }}
  behavior:
    # Scaling down drains players; go slowly so a short dip does not kick anyone.
    scaleDown:
      stabilizationWindowSeconds: 600
      policies:
        - type: Pods
          value: 1
          periodSeconds: 120
{{- end }}
{{- end -}}

{{/*
Player-based autoscaling: a KEDA ScaledObject whose prometheus trigger is the component's online players, aiming at
targetCapacityPercentage of the pod capacity on average (KEDA's AverageValue). Exclusive with the CPU HPA (schema).
*/}}
{{- define "gamecluster.scaledObject" -}}
{{- $ := .ctx -}}
{{- $c := index $.Values .component -}}
{{- $k := $c.autoscaling.keda | default dict -}}
{{- if $k.enabled }}
{{- if $c.autoscaling.enabled -}}
{{- fail (printf "%s.autoscaling: enabled (CPU HPA) and keda.enabled are mutually exclusive" .component) -}}
{{- end -}}
{{- $full := include "gamecluster.fullname" $ -}}
{{- /* This release's pods of the component only, each pod once (max by pod) however many jobs scrape it. */ -}}
{{- $pods := include "gamecluster.podRegex" (dict "ctx" $ "components" (list .component)) -}}
{{- $query := $k.query | default (printf "sum(max by (pod) (gamecluster_online_players{app_type=%q,namespace=%q,pod=~%q}))" .component $.Release.Namespace $pods) }}
{{- $fb := $k.fallback | default (dict "failureThreshold" 3 "replicas" 0) }}
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: {{ $full }}-{{ .component }}
  labels:
    {{- include "gamecluster.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ $full }}-{{ .component }}
  minReplicaCount: {{ $c.autoscaling.minReplicas }}
  maxReplicaCount: {{ $c.autoscaling.maxReplicas }}
  pollingInterval: {{ $k.pollingInterval }}
  # Prometheus unreachable: hold this many pods instead of acting on no data (default maxReplicas: never scale down
  # and drain players because the metrics are gone).
  fallback:
    failureThreshold: {{ $fb.failureThreshold }}
    replicas: {{ (int $fb.replicas) | default $c.autoscaling.maxReplicas }}
  advanced:
    horizontalPodAutoscalerConfig:
      behavior:
        # Scaling down drains players; go slowly so a short dip does not kick anyone.
        scaleDown:
          stabilizationWindowSeconds: 600
          policies:
            - type: Pods
              value: 1
              periodSeconds: 120
  triggers:
    - type: prometheus
      metricType: AverageValue
      metadata:
        serverAddress: {{ required (printf "%s.autoscaling.keda.prometheusAddress is required with keda.enabled" .component) $k.prometheusAddress | quote }}
        query: {{ $query | quote }}
        # Players per pod aimed at: {{ $k.targetCapacityPercentage }} % of the capacity ({{ $c.capacity }}).
        threshold: {{ div (mul (int64 $c.capacity) (int64 $k.targetCapacityPercentage)) 100 | max 1 | toString | quote }}
{{- end }}
{{- end -}}

{{/*
The Operator's scrape of a component: a ServiceMonitor through its metrics Service, or for login/game under
hostNetwork (no Service can name ports the pods pick at start) a PodMonitor that reads the port each pod publishes in
its gamecluster.io/metrics-port annotation. Both label the series job=<component> and app_kubernetes_io_instance=<release>.
Call with (dict "ctx" $ "component" "login" "port" "metrics").
*/}}
{{- define "gamecluster.serviceMonitor" -}}
{{- $ := .ctx -}}
{{- if and $.Values.metrics.serviceMonitor.enabled (eq .component "appmgr" | or (ne $.Values.expose.mode "hostNetwork")) }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "gamecluster.fullname" $ }}-{{ .component }}
  labels:
    {{- include "gamecluster.labels" . | nindent 4 }}
    {{- with $.Values.metrics.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  jobLabel: app.kubernetes.io/component
  podTargetLabels: [app.kubernetes.io/instance]
  selector:
    matchLabels:
      {{- include "gamecluster.selectorLabels" . | nindent 6 }}
      # Only the Service that carries /metrics (not appmgr's headless gRPC one).
      gamecluster.io/metrics: "true"
  endpoints:
    - port: {{ .port }}
      path: /metrics
      interval: {{ $.Values.metrics.serviceMonitor.interval }}
{{- else if and $.Values.metrics.serviceMonitor.enabled (ne .component "appmgr") }}
apiVersion: monitoring.coreos.com/v1
kind: PodMonitor
metadata:
  name: {{ include "gamecluster.fullname" $ }}-{{ .component }}
  labels:
    {{- include "gamecluster.labels" . | nindent 4 }}
    {{- with $.Values.metrics.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  jobLabel: app.kubernetes.io/component
  podTargetLabels: [app.kubernetes.io/instance]
  selector:
    matchLabels:
      {{- include "gamecluster.selectorLabels" . | nindent 6 }}
  podMetricsEndpoints:
    # No port is declared (each would become a fixed host port): the target is the pod's address (its node's) plus
    # the port the pod bound in expose.metricsPortRange and published as gamecluster.io/metrics-port.
    - path: /metrics
      interval: {{ $.Values.metrics.serviceMonitor.interval }}
      relabelings:
        - sourceLabels: [__meta_kubernetes_pod_annotation_gamecluster_io_metrics_port]
          regex: "[0-9]+"
          action: keep
        - sourceLabels: [__address__, __meta_kubernetes_pod_annotation_gamecluster_io_metrics_port]
          regex: "([^:]+)(?::[0-9]+)?;([0-9]+)"
          replacement: "$1:$2"
          targetLabel: __address__
          action: replace
{{- end }}
{{- end -}}
