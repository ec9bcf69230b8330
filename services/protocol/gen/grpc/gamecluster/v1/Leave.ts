// Original file: proto/gamecluster/v1/gamecluster.proto


export interface Leave {
}

export interface Leave__Output {
}
