{{/* Names and labels. */}}
{{- define "facetrail.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "facetrail.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The name of one service's objects: <fullname>-<service>. */}}
{{- define "facetrail.serviceName" -}}
{{- printf "%s-%s" (include "facetrail.fullname" .root) .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "facetrail.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "facetrail.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: facetrail
{{- end -}}

{{/* Selector labels of one service; call with (dict "root" $ "service" "embedder"). */}}
{{- define "facetrail.selectorLabels" -}}
app.kubernetes.io/name: {{ include "facetrail.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .service }}
{{- end -}}

{{- define "facetrail.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "facetrail.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "facetrail.credentialsSecret" -}}
{{- default (printf "%s-credentials" (include "facetrail.fullname" .)) .Values.credentials.existingSecret -}}
{{- end -}}

{{/* An image reference; call with (dict "root" $ "image" "embedder"). */}}
{{- define "facetrail.image" -}}
{{- $img := .root.Values.image -}}
{{- printf "%s%s-%s:%s" $img.registry $img.repository .image (default .root.Chart.AppVersion $img.tag) -}}
{{- end -}}

{{/* The `kafka` section every service's configuration starts from. */}}
{{- define "facetrail.kafkaConfig" -}}
bootstrapServers: {{ .Values.kafka.bootstrapServers | quote }}
topicPrefix: {{ .Values.kafka.topicPrefix | quote }}
partitions: {{ .Values.kafka.partitions }}
replicationFactor: {{ .Values.kafka.replicationFactor }}
properties: {{ .Values.kafka.properties | toJson }}
retention: {{ .Values.kafka.retention | toJson }}
{{- end -}}

{{/* The `http` section; call with (dict "root" $ "port" 8082). */}}
{{- define "facetrail.httpConfig" -}}
enabled: true
host: 0.0.0.0
port: {{ .port }}
protectMetrics: {{ .root.Values.protectMetrics }}
{{- end -}}

{{/*
Credentials and common settings as environment variables. Secrets come from the credentials
Secret (optional keys: a missing key leaves the setting at its default).
*/}}
{{- define "facetrail.env" -}}
- name: FACETRAIL_LOG_FORMAT
  value: {{ .Values.logFormat | quote }}
- name: FACETRAIL_LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
- name: FACETRAIL_HTTP_API_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "facetrail.credentialsSecret" . }}
      key: api-token
      optional: true
{{- range $property, $value := .Values.kafka.secrets }}
- name: {{ printf "FACETRAIL_KAFKA_SECRETS_%s" ($property | upper | replace "." "_" | replace "-" "_") }}
  valueFrom:
    secretKeyRef:
      name: {{ include "facetrail.credentialsSecret" $ }}
      key: {{ printf "kafka.%s" $property }}
      optional: true
{{- end }}
{{- end -}}

{{/* Probes on the health endpoints of the container port named http. */}}
{{- define "facetrail.probes" -}}
startupProbe:
  httpGet:
    path: /health/live
    port: http
  periodSeconds: 5
  failureThreshold: {{ .startupFailures }}
livenessProbe:
  httpGet:
    path: /health/live
    port: http
  periodSeconds: 15
  timeoutSeconds: 5
  failureThreshold: 4
readinessProbe:
  httpGet:
    path: /health/ready
    port: http
  periodSeconds: 10
  timeoutSeconds: 5
  failureThreshold: 3
{{- end -}}
