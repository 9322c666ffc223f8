# Sourced by the scripts in bin/: the one place that decides which JDK they run and refuses a
# wrong or missing one with one line on stderr and exit 2, before anything is built or written.
# JAVA_HOME picks the JDK when it is set and not empty; otherwise the java on PATH.

# require_jdk PROGRAM: sets java (the executable), java_home (its java.home: mvn builds with
# the same JDK) and java_version (its java.version, e.g. 17.0.15), or exits 2 naming PROGRAM.
require_jdk() {
  local program=$1 settings major
  if [[ -n ${JAVA_HOME:-} ]]; then
    java=$JAVA_HOME/bin/java
    if [[ ! -x $java || -d $java ]]; then
      echo "$program: JAVA_HOME is $JAVA_HOME, which has no bin/java (set JAVA_HOME to a JDK 17 or newer, or unset it to use the java on PATH)" >&2
      exit 2
    fi
  elif ! java=$(command -v java); then
    echo "$program: no java on PATH and JAVA_HOME is not set (install a JDK 17 or newer, or set JAVA_HOME to one)" >&2
    exit 2
  fi
  # -XshowSettings prints the properties on stderr in about 30 ms; it also proves the JVM starts.
  if ! settings=$("$java" -XshowSettings:properties -version 2>&1); then
    echo "$program: $java does not run ('$java -version' fails; set JAVA_HOME to a JDK 17 or newer)" >&2
    exit 2
  fi
  java_version=$(sed -n 's/^ *java\.version = //p' <<<"$settings")
  java_home=$(sed -n 's/^ *java\.home = //p' <<<"$settings")
  major=${java_version%%[.+-]*}
  if [[ ! $major =~ ^[0-9]+$ ]] || ((major < 17)); then
    echo "$program: $java is Java ${java_version:-of unknown version}; polygate needs JDK 17 or newer (the Vector API)" >&2
    exit 2
  fi
}
