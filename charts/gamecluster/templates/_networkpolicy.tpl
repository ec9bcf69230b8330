{{/*
NetworkPolicy pieces shared by every component's policy (networkPolicy.*). Ingress is always restricted; egress only
with networkPolicy.egress.enabled: DNS, this release's pods and the user's extra rules (an external Redis, AUTH_URL,
the Kubernetes API for the host expose modes).
*/}}

{{/* Peers allowed to scrape: networkPolicy.metricsFrom, or any pod in the cluster. Call with $. */}}
{{- define "gamecluster.np.metricsFrom" -}}
{{- toYaml (.Values.networkPolicy.metricsFrom | default (list (dict "namespaceSelector" (dict)))) -}}
{{- end -}}

{{/*
The node address ranges as ipBlock peers (nothing when unset). With expose.mode=hostNetwork the login/game pods
dial appmgr and Redis from their node's address, which no podSelector matches. Call with $.
*/}}
{{- define "gamecluster.np.nodePeers" -}}
{{- $np := .Values.networkPolicy -}}
{{- if and (eq (toString .Values.expose.mode) "hostNetwork") (not $np.nodeCIDRs) -}}
{{- fail "networkPolicy: with expose.mode=hostNetwork set networkPolicy.nodeCIDRs (the nodes' address ranges): host-network pods reach appmgr and Redis from node addresses" -}}
{{- end -}}
{{- range $np.nodeCIDRs }}
- ipBlock:
    cidr: {{ . | quote }}
{{- end }}
{{- end -}}

{{/* Every pod of this release, as a peer. Call with $. */}}
{{- define "gamecluster.np.releasePeer" -}}
- podSelector:
    matchLabels:
      app.kubernetes.io/instance: {{ .Release.Name }}
      app.kubernetes.io/name: {{ include "gamecluster.name" . }}
{{- end -}}

{{/* policyTypes plus the egress rules (when networkPolicy.egress.enabled). Call with $. */}}
{{- define "gamecluster.np.policyTypesAndEgress" -}}
{{- $eg := .Values.networkPolicy.egress -}}
{{- if $eg.enabled }}
policyTypes: [Ingress, Egress]
egress:
  # Name resolution (any resolver: kube-dns, node-local DNS caches).
  - ports:
      - port: 53
        protocol: UDP
      - port: 53
        protocol: TCP
  # This release's pods (appmgr gRPC, the bundled Redis).
  - to:
      {{- include "gamecluster.np.releasePeer" . | nindent 6 }}
  {{- with $eg.extraRules }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- else }}
policyTypes: [Ingress]
{{- end }}
{{- end -}}

{{/* login/game: the client port from anywhere, the metrics port from metricsFrom. Call with (dict "ctx" $ "component" "login"). */}}
{{- define "gamecluster.np.clientServer" -}}
{{- $ := .ctx -}}
{{- /* NetworkPolicies do not apply to host-network pods (their traffic is the node's): none is rendered for them. */ -}}
{{- if and $.Values.networkPolicy.enabled (ne $.Values.expose.mode "hostNetwork") }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "gamecluster.fullname" $ }}-{{ .component }}
  labels:
    {{- include "gamecluster.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "gamecluster.selectorLabels" . | nindent 6 }}
  {{- include "gamecluster.np.policyTypesAndEgress" $ | trim | nindent 2 }}
  ingress:
    # The game client ports (TCP, and WebSocket when on): from anywhere.
    - ports:
        - port: tcp
          protocol: TCP
        {{- if gt (int (index $.Values .component).wsPort) 0 }}
        - port: ws
          protocol: TCP
        {{- end }}
    # Metrics and probes' port: in-cluster scrapers only (kubelet probes are not subject to NetworkPolicy).
    - from:
        {{- include "gamecluster.np.metricsFrom" $ | nindent 8 }}
      ports:
        - port: metrics
          protocol: TCP
{{- end }}
{{- end -}}
