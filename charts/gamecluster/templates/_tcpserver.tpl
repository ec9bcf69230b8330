{{/*
The login and game Deployments, Services, PDBs, HPAs and ServiceMonitors differ only in their command, ports and a
few env vars, so they share these definitions. Call with (dict "ctx" $ "component" "login").
*/}}

{{- define "gamecluster.tcpDeployment" -}}
{{- $ := .ctx -}}
{{- $c := index $.Values .component -}}
{{- $name := printf "%s-%s" (include "gamecluster.fullname" $) .component -}}
{{- include "gamecluster.checkGrace" (dict "ctx" $ "component" .component "drainTimeoutMs" $c.drainTimeoutMs) -}}
{{- if and (eq .component "login") (eq $.Values.auth.mode "http") (not $.Values.auth.url) -}}
{{- fail "auth: auth.mode=http needs auth.url" -}}
{{- end -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  labels:
    {{- include "gamecluster.labels" . | nindent 4 }}
spec:
  {{- if not $c.autoscaling.enabled }}
  replicas: {{ $c.replicas }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "gamecluster.selectorLabels" . | nindent 6 }}
  strategy:
    # Bring the new pod up before the old one drains, so capacity never dips during a rollout.
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "gamecluster.selectorLabels" . | nindent 8 }}
      {{- $ann := merge (dict) $c.podAnnotations (include "gamecluster.scrapeAnnotations" (dict "ctx" $ "port" $c.metricsPort) | fromYaml) }}
      {{- with $ann }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      automountServiceAccountToken: false
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
          image: {{ include "gamecluster.image" $ | quote }}
          imagePullPolicy: {{ $.Values.image.pullPolicy }}
          args: [{{ .component | quote }}]
          ports:
            - name: tcp
              containerPort: {{ $c.port }}
              protocol: TCP
              {{- if eq $.Values.expose.mode "hostPort" }}
              hostPort: {{ $c.port }}
              {{- end }}
            - name: metrics
              containerPort: {{ $c.metricsPort }}
              protocol: TCP
          env:
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
            {{- if eq $.Values.expose.mode "hostPort" }}
            # Clients reach the pod through the node: advertise the node's IP and the hostPort.
            - name: ADVERTISE_HOST
              valueFrom:
                fieldRef:
                  fieldPath: status.hostIP
            {{- else }}
            - name: ADVERTISE_HOST
              value: $(POD_IP)
            {{- end }}
            - name: ADVERTISE_PORT
              value: {{ $c.port | int64 | quote }}
            - name: PORT
              value: {{ $c.port | int64 | quote }}
            - name: METRICS_PORT
              value: {{ $c.metricsPort | int64 | quote }}
            {{- include "gamecluster.workersEnv" (dict "c" $c "container" .component) | nindent 12 }}
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
            - name: DRAIN_TIMEOUT_MS
              value: {{ $c.drainTimeoutMs | int64 | quote }}
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
            {{- include "gamecluster.grpcAuthEnv" (dict "ctx" $ "role" "client") | nindent 12 }}
            - name: AUTH_MODE
              value: {{ $.Values.auth.mode | quote }}
            {{- if $.Values.auth.url }}
            - name: AUTH_URL
              value: {{ $.Values.auth.url | quote }}
            {{- end }}
            {{- end }}
            {{- include "gamecluster.commonEnv" $ | nindent 12 }}
            {{- with $c.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          livenessProbe:
            httpGet:
              path: /healthz
              port: metrics
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /readyz
              port: metrics
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 2
          lifecycle:
            # The process drains itself on SIGTERM; the short wait first lets endpoint removal propagate.
            preStop:
              exec:
                command: ["sleep", {{ $.Values.preStopSleepSeconds | quote }}]
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

{{/* Headless Service: Prometheus (ServiceMonitor) discovers the pods through it; clients connect to advertised IPs. */}}
{{- define "gamecluster.tcpService" -}}
{{- $ := .ctx -}}
{{- $c := index $.Values .component -}}
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
    - name: metrics
      port: {{ $c.metricsPort }}
      targetPort: metrics
      protocol: TCP
{{- end -}}

{{- define "gamecluster.pdb" -}}
{{- $ := .ctx -}}
{{- if $.Values.podDisruptionBudget.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "gamecluster.fullname" $ }}-{{ .component }}
  labels:
    {{- include "gamecluster.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ $.Values.podDisruptionBudget.maxUnavailable }}
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

{{/* Call with (dict "ctx" $ "component" "login" "port" "metrics"). */}}
{{- define "gamecluster.serviceMonitor" -}}
{{- $ := .ctx -}}
{{- if $.Values.metrics.serviceMonitor.enabled }}
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
  selector:
    matchLabels:
      {{- include "gamecluster.selectorLabels" . | nindent 6 }}
      # Only the Service that carries /metrics (not appmgr's headless gRPC one).
      gamecluster.io/metrics: "true"
  endpoints:
    - port: {{ .port }}
      path: /metrics
      interval: {{ $.Values.metrics.serviceMonitor.interval }}
{{- end }}
{{- end -}}

{{/* login/game NetworkPolicy. Call with (dict "ctx" $ "component" "login"). */}}
{{- define "gamecluster.tcpNetworkPolicy" -}}
{{- $ := .ctx -}}
{{- if $.Values.networkPolicy.enabled }}
{{- $full := include "gamecluster.fullname" $ -}}
{{- $metricsFrom := $.Values.networkPolicy.metricsFrom | default (list (dict "namespaceSelector" (dict))) }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $full }}-{{ .component }}
  labels:
    {{- include "gamecluster.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "gamecluster.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress]
  ingress:
    # The game client port: from anywhere.
    - ports:
        - port: tcp
          protocol: TCP
    # Metrics and probes' port: in-cluster scrapers only (kubelet probes are not subject to NetworkPolicy).
    - from:
        {{- toYaml $metricsFrom | nindent 8 }}
      ports:
        - port: metrics
          protocol: TCP
{{- end }}
{{- end -}}
