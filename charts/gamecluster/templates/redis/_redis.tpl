{{/*
The Redis the pods use: the bundled dev Redis (its password from the Secret <fullname>-redis, generated once and kept
across upgrades, or redis.auth.existingSecret), an external URL from a Secret, or a plain URL - exactly one of them.
The password never appears in values or in the pod spec: REDIS_PASSWORD comes from the Secret and Kubernetes expands
$(REDIS_PASSWORD) into REDIS_URL when it starts the container.
*/}}
{{- define "gamecluster.redisPasswordSecret" -}}
{{- if .Values.redis.auth.existingSecret -}}
{{ .Values.redis.auth.existingSecret }}
{{- else -}}
{{ include "gamecluster.fullname" . }}-redis
{{- end -}}
{{- end -}}

{{/* REDIS_PASSWORD from the bundled Redis' Secret (key `password`). */}}
{{- define "gamecluster.redisPasswordEnv" -}}
- name: REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "gamecluster.redisPasswordSecret" . }}
      key: password
{{- end -}}

{{/* REDIS_URL (preceded by REDIS_PASSWORD for the bundled Redis). */}}
{{- define "gamecluster.redisEnv" -}}
{{- $r := .Values.redis -}}
{{- if and $r.enabled (or $r.url $r.existingSecret) -}}
{{- fail "redis: set either redis.enabled=true (dev Redis) or redis.url/redis.existingSecret (external Redis), not both" -}}
{{- end -}}
{{- if $r.enabled -}}
{{ include "gamecluster.redisPasswordEnv" . }}
{{ end -}}
- name: REDIS_URL
{{- if $r.enabled }}
  value: {{ printf "redis://:$(REDIS_PASSWORD)@%s-redis:6379" (include "gamecluster.fullname" .) | quote }}
{{- else if $r.existingSecret }}
  valueFrom:
    secretKeyRef:
      name: {{ $r.existingSecret | quote }}
      key: {{ $r.existingSecretKey | quote }}
{{- else if $r.url }}
  value: {{ $r.url | quote }}
{{- else -}}
{{- fail "redis: with redis.enabled=false set redis.url or redis.existingSecret" -}}
{{- end }}
{{- end -}}
