# syntax=docker/dockerfile:1
# PerformanceWheel: build with the .NET 10 SDK, run on Debian 12 with the ASP.NET Core 10 runtime and Chromium.
#
#   docker build -t performancewheel .
#   docker run -p 8080:8080 -v pw-data:/app/data performancewheel        # SQLite in /app/data
#   docker compose up                                                     # PostgreSQL 15 (docker-compose.yml)
#
# Why the final stage is not mcr.microsoft.com/dotnet/aspnet:10.0: the .NET 10 images are Ubuntu 24.04
# (Microsoft ships no Debian images for .NET 10), and Ubuntu's `chromium` package is only a Snap wrapper
# that cannot run in a container. The PDF packs need a real Chromium (docs/decisions/0004), so the final
# stage is debian:bookworm-slim - the Debian 12 that CI and the build machines run, whose apt chromium
# matches the build Microsoft.Playwright 1.64.1 expects - with the ASP.NET Core runtime copied from the
# official aspnet image (the same portable linux-x64 build).

ARG DOTNET_VERSION=10.0

# ---- build -------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Restore first, from the project files and the shared props only, so this layer is reused until a
# package or project reference changes. (The web project is restored, not the solution: the solution
# also lists tests/*, which the image does not need.)
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/PerformanceWheel.Domain/PerformanceWheel.Domain.csproj           src/PerformanceWheel.Domain/
COPY src/PerformanceWheel.Application/PerformanceWheel.Application.csproj src/PerformanceWheel.Application/
COPY src/PerformanceWheel.Data/PerformanceWheel.Data.csproj               src/PerformanceWheel.Data/
COPY src/PerformanceWheel.Reporting/PerformanceWheel.Reporting.csproj     src/PerformanceWheel.Reporting/
COPY src/PerformanceWheel.Workbooks/PerformanceWheel.Workbooks.csproj     src/PerformanceWheel.Workbooks/
COPY src/PerformanceWheel.Web/PerformanceWheel.Web.csproj                 src/PerformanceWheel.Web/
RUN dotnet restore src/PerformanceWheel.Web/PerformanceWheel.Web.csproj

# Then the sources (.editorconfig too: the build enforces code style with warnings as errors).
COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/PerformanceWheel.Web/PerformanceWheel.Web.csproj -c Release -o /app \
        --no-restore -p:UseAppHost=false

# ---- ASP.NET Core runtime, taken from the official image ---------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS aspnet-runtime

# ---- final -------------------------------------------------------------------------------------------
FROM debian:bookworm-slim AS final

# .NET runtime dependencies on Debian 12, then Chromium and the fonts the PDF packs use.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata zlib1g \
        chromium fonts-liberation fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

COPY --from=aspnet-runtime /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

# A non-root user with the same id as the official images' `app` user (APP_UID 1654).
ENV APP_UID=1654
RUN groupadd --gid "$APP_UID" app \
    && useradd --uid "$APP_UID" --gid app --create-home --shell /usr/sbin/nologin app

WORKDIR /app
COPY --from=build /app ./

# /app/data holds what must outlive the container: data-protection keys (data/keys), logs (data/logs)
# and, when Database__Provider is Sqlite, the database file (data/performancewheel.db).
RUN mkdir -p /app/data/keys /app/data/logs && chown -R app:app /app/data
VOLUME ["/app/data"]

ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    LogFile__Path=data/logs/performancewheel-.log \
    DataProtection__KeysPath=data/keys \
    Reporting__BrowserExecutablePath=/usr/bin/chromium

USER app
EXPOSE 8080

# The image has bash but neither curl nor wget: ask /health over a raw TCP connection.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "PerformanceWheel.Web.dll"]
