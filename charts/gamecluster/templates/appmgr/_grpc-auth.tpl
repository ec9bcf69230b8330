{{/*
gRPC access (GRPC_AUTH) for appmgr (the server) and the login pods (its clients), from grpc.auth:
token: ADMIN_TOKEN from the Secret <fullname>-appmgr-token (secret-token.yaml: generated once, kept across upgrades)
or grpc.existingSecret;
mtls: the certificates of grpc.mtls.secretName mounted at /etc/gamecluster/grpc-tls (ca.crt, tls.crt, tls.key), the
server's pair doubling as the logins' client certificate. Call with (dict "ctx" $ "role" "server"|"client").
*/}}
{{- define "gamecluster.grpcTokenSecret" -}}
{{- if .Values.grpc.existingSecret -}}
{{ .Values.grpc.existingSecret }}
{{- else -}}
{{ include "gamecluster.fullname" . }}-appmgr-token
{{- end -}}
{{- end -}}

{{- define "gamecluster.grpcAuthEnv" -}}
{{- $g := .ctx.Values.grpc -}}
- name: GRPC_AUTH
  value: {{ $g.auth | quote }}
{{- if eq $g.auth "token" }}
- name: ADMIN_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "gamecluster.grpcTokenSecret" .ctx }}
      key: token
{{- else if eq $g.auth "mtls" }}
{{- if not $g.mtls.secretName }}
{{- fail "grpc: with grpc.auth=mtls set grpc.mtls.secretName (a Secret with ca.crt, tls.crt, tls.key)" }}
{{- end }}
- name: GRPC_TLS_CA_FILE
  value: /etc/gamecluster/grpc-tls/ca.crt
{{- if eq .role "server" }}
- name: GRPC_TLS_CERT_FILE
  value: /etc/gamecluster/grpc-tls/tls.crt
- name: GRPC_TLS_KEY_FILE
  value: /etc/gamecluster/grpc-tls/tls.key
{{- else }}
- name: GRPC_TLS_CLIENT_CERT_FILE
  value: /etc/gamecluster/grpc-tls/tls.crt
- name: GRPC_TLS_CLIENT_KEY_FILE
  value: /etc/gamecluster/grpc-tls/tls.key
{{- end }}
{{- end }}
{{- end -}}

{{/* The volumeMount (mtls only; nothing otherwise). Call with $. */}}
{{- define "gamecluster.grpcTlsMount" -}}
{{- if eq .Values.grpc.auth "mtls" }}
- name: grpc-tls
  mountPath: /etc/gamecluster/grpc-tls
  readOnly: true
{{- end }}
{{- end -}}

{{/* The volume (mtls only; nothing otherwise). Call with $. */}}
{{- define "gamecluster.grpcTlsVolume" -}}
{{- if eq .Values.grpc.auth "mtls" }}
- name: grpc-tls
  secret:
    secretName: {{ .Values.grpc.mtls.secretName | quote }}
    defaultMode: 0440
{{- end }}
{{- end -}}
