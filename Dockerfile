# The application image: the Flask site and API under gunicorn, and the repo-app command.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 REPO_INSTANCE=/data
# OCR of scanned reports: Tesseract with the Vietnamese and English models.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY schemas schemas
COPY indexer indexer
COPY repo_app repo_app
# The 8.x Elasticsearch client talks to 8.x and 9.x clusters; a 9.x client to 9.x clusters only.
RUN pip install --no-cache-dir . "elasticsearch>=8.13,<9"
COPY corpus_samples corpus_samples
VOLUME /data
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "2", "--threads", "4", "repo_app.wsgi:app"]
